using System.Diagnostics;
using System.Globalization;
using Bot.Core.Analysis;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant;
using Microsoft.Extensions.Options;

namespace Bot.Benchmarks.Qdrant;

/// <summary>
/// Client cost of an upload: QdrantArchiveStore.SaveAsync of 10,000 chunks (1,000 articles of 10 chunks,
/// one 512-d vector each; real chunks carry one vector per sentence, which scales the vector share) to a loopback HTTP sink: BM25 sparse vectors, point building, JSON serialisation,
/// batching and HTTP. Measured as process CPU time, which includes the in-process sink (an upper bound);
/// on a shared, busy machine CPU time inflates too, so the load average is reported with it.
/// </summary>
public sealed class QdrantUploadBenchmark : IBenchmark
{
    private const int Articles = 1_000, ChunksPerArticle = 10, Dimensions = 512;

    public string Name => "qdrant-upload";
    public string Description => $"SaveAsync of {Articles * ChunksPerArticle:N0} chunks with {Dimensions}-d vectors to a loopback HTTP sink";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        var collectionInfo = QdrantCanned.CollectionInfo(Dimensions);
        await using var sink = new LoopbackSink((_, path) => path.Contains("/points", StringComparison.Ordinal) ? QdrantCanned.UpdateCompleted : collectionInfo);
        using var http = new HttpClient();
        var store = new QdrantArchiveStore(http, Options.Create(new QdrantOptions { Url = sink.Url, Collection = "bench" }));
        var random = new Random(42);
        var warmUp = Enumerable.Range(0, 50).Select(i => MakeArticle($"warm{i:D4}", random)).ToList();
        var articles = Enumerable.Range(0, Articles).Select(i => MakeArticle($"art{i:D5}", random)).ToList();
        await store.SaveAsync(warmUp, cancellationToken);
        var requestsBefore = sink.Requests;
        var bytesBefore = sink.BytesReceived;

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        await store.SaveAsync(articles, cancellationToken);
        var collections = $"{GC.CollectionCount(0) - gcBefore.Item1} / {GC.CollectionCount(1) - gcBefore.Item2} / {GC.CollectionCount(2) - gcBefore.Item3}";
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        // The share of that spent in the shared analyser (BM25 term counts), for reading the total.
        process.Refresh();
        var analysisBefore = process.TotalProcessorTime;
        foreach (var article in articles)
            foreach (var chunk in article.Chunks) TextAnalyzer.TermCounts(chunk.Chunk.IndexText);
        process.Refresh();
        var analysis = process.TotalProcessorTime - analysisBefore;

        var chunks = Articles * ChunksPerArticle;
        return
        [
            new("machine load average (1 min) at start", load),
            new("chunks sent", chunks.ToString("N0", CultureInfo.InvariantCulture)),
            new("requests", (sink.Requests - requestsBefore).ToString(CultureInfo.InvariantCulture)),
            new("bytes sent", $"{(sink.BytesReceived - bytesBefore) / 1_048_576.0:F1} MiB"),
            new("wall time", $"{clock.Elapsed.TotalSeconds:F2} s"),
            new("process CPU time (client + in-process sink)", $"{cpu.TotalSeconds:F2} s", "< 2 s"),
            new("CPU per chunk", $"{cpu.TotalMicroseconds / chunks:F0} µs"),
            new("of which text analysis for BM25 (measured apart)", $"{analysis.TotalSeconds:F2} s"),
            new("garbage collections gen0 / gen1 / gen2", collections),
        ];
    }

    private static IndexedArticle MakeArticle(string id, Random random)
    {
        var chunks = new List<IndexedChunk>();
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < ChunksPerArticle; i++)
        {
            var chunkText = Sentence(random, 110);
            var start = text.Length;
            text.Append(chunkText);
            var chunk = new Chunk(Chunk.MakeId(id, i), id, i, start, text.Length, chunkText) { Context = "Headline of " + id };
            chunks.Add(new IndexedChunk(chunk, [RandomUnitVector(random)]));
            text.Append(' ');
        }
        var article = new Article
        {
            Id = id,
            Title = "Headline of " + id,
            Text = text.ToString(0, text.Length - 1),
            Published = new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(20_000)),
            Source = "Reuters",
            Tags = ["worldnews"],
            Fingerprint = "fp-" + id,
        };
        return new IndexedArticle(article, chunks);
    }

    private static readonly string[] Words =
    [
        "government", "minister", "said", "talks", "election", "market", "shares", "drones", "security", "forces", "president",
        "parliament", "economy", "trade", "agreement", "officials", "police", "reported", "week", "Tuesday", "opposition",
        "budget", "oil", "prices", "bank", "interest", "rates", "court", "ruling", "military", "border", "refugees", "vote",
    ];

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])) + ".";

    private static float[] RandomUnitVector(Random random)
    {
        var v = new float[Dimensions];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }
}
