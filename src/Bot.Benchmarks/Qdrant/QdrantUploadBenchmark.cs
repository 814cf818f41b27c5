using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bot.Core.Analysis;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant;
using Microsoft.Extensions.Options;

namespace Bot.Benchmarks.Qdrant;

/// <summary>
/// Client cost of an upload: QdrantArchiveStore.SaveAsync of 10,000 realistic chunks (1,000 articles of 10
/// chunks; a chunk is 5 sentences of 22 words with one 512-d vector per sentence, a max_sim multivector, and
/// a BM25 sparse vector of its terms and term pairs) to a loopback gRPC sink: BM25 encoding, point building,
/// protobuf serialisation, batching and HTTP/2. The sink runs in a child process and counts every byte the client
/// sends over the connection, so this process's CPU time is the client's alone; the sink's is reported beside it.
/// On a shared, busy machine CPU time inflates too, so the load average is reported with it.
/// </summary>
public sealed class QdrantUploadBenchmark : IBenchmark
{
    private const int Articles = 1_000, ChunksPerArticle = 10, SentencesPerChunk = 5, WordsPerSentence = 22, Dimensions = 512;

    public string Name => "qdrant-upload";
    public string Description => $"SaveAsync of {Articles * ChunksPerArticle:N0} chunks ({SentencesPerChunk} × {Dimensions}-d sentence vectors each; then 1 each) over gRPC to a loopback sink in another process";

    /// <summary>The REST adapter's bytes for the 5-vector layout (BENCHMARKS.md before the move to gRPC): the target is a third of it.</summary>
    private const double RestMiB = 401;

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var load = MachineLoad.AtStart();
        await using var sink = await SinkProcess.StartAsync(Dimensions);
        using var store = new QdrantArchiveStore(Options.Create(new QdrantOptions { Url = sink.Url, Collection = "bench" }));
        var random = new Random(42);
        var vocabulary = Vocabulary(random, 2_000);
        await store.SaveAsync([.. Enumerable.Range(0, 50).Select(i => MakeArticle($"warm{i:D4}", random, vocabulary, SentencesPerChunk))], cancellationToken);

        List<BenchmarkRow> rows = [load];
        rows.AddRange(await MeasureAsync(store, sink, random, vocabulary, SentencesPerChunk, "", cancellationToken, bytesTarget: $"<= {RestMiB / 3:F1} MiB (a third of REST's {RestMiB:F0} MiB)"));
        rows.Add(await RepeatedAsync(store, random, vocabulary, cancellationToken));
        // The first target was set for one 512-d vector per chunk; measured the same way for comparison.
        rows.AddRange(await MeasureAsync(store, sink, random, vocabulary, 1, "one vector per chunk: ", cancellationToken));
        using var compressing = new QdrantArchiveStore(Options.Create(new QdrantOptions { Url = sink.Url, Collection = "bench", CompressUploads = true }));
        rows.AddRange(await MeasureAsync(compressing, sink, random, vocabulary, SentencesPerChunk, "Qdrant:CompressUploads: ", cancellationToken));
        return rows;
    }

    private static async Task<IReadOnlyList<BenchmarkRow>> MeasureAsync(QdrantArchiveStore store, SinkProcess sink, Random random,
        string[] vocabulary, int vectorsPerChunk, string label, CancellationToken cancellationToken, string bytesTarget = "")
    {
        var articles = Enumerable.Range(0, Articles).Select(i => MakeArticle($"v{vectorsPerChunk}-{i:D5}", random, vocabulary, vectorsPerChunk)).ToList();
        GC.Collect();
        var before = await sink.StatsAsync();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var (cpuBefore, kernelBefore) = (process.TotalProcessorTime, process.PrivilegedProcessorTime);
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var (allocatedBefore, pausedBefore) = (GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration());
        var clock = Stopwatch.StartNew();
        await store.SaveAsync(articles, cancellationToken);
        clock.Stop();
        var (allocated, paused) = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, GC.GetTotalPauseDuration() - pausedBefore);
        var collections = $"{GC.CollectionCount(0) - gcBefore.Item1} / {GC.CollectionCount(1) - gcBefore.Item2} / {GC.CollectionCount(2) - gcBefore.Item3}";
        process.Refresh();
        var (cpu, kernel) = (process.TotalProcessorTime - cpuBefore, process.PrivilegedProcessorTime - kernelBefore);
        var after = await sink.StatsAsync();

        // The share of that spent in the shared analyser, called as the store calls it (each chunk's text, its article's
        // context line once; pairs are hashed from the terms, never spelt), for reading the total.
        process.Refresh();
        var analysisBefore = process.TotalProcessorTime;
        foreach (var (_, articleChunks) in articles)
        {
            TextAnalyzer.Terms(articleChunks[0].Chunk.Context);
            foreach (var (chunk, _) in articleChunks) TextAnalyzer.Terms(chunk.Text);
        }
        process.Refresh();
        var analysis = process.TotalProcessorTime - analysisBefore;

        const int chunks = Articles * ChunksPerArticle;
        return
        [
            new($"{label}chunks / sentence vectors sent", $"{chunks:N0} / {chunks * vectorsPerChunk:N0}"),
            new($"{label}calls, bytes on the wire", $"{after.Requests - before.Requests}, {(after.Bytes - before.Bytes) / 1_048_576.0:F1} MiB", bytesTarget),
            new($"{label}wall time", $"{clock.Elapsed.TotalSeconds:F2} s"),
            new($"{label}client CPU time (this process)", $"{cpu.TotalSeconds:F2} s", vectorsPerChunk == SentencesPerChunk ? "< 1.5 s" : ""),
            new($"{label}of which kernel (system) time", $"{kernel.TotalSeconds:F2} s"),
            new($"{label}of which text analysis for BM25 (measured apart)", $"{analysis.TotalSeconds:F2} s"),
            new($"{label}sink CPU time (child process, not counted above)", $"{(after.Cpu - before.Cpu).TotalSeconds:F2} s"),
            new($"{label}allocated; GC gen0 / gen1 / gen2; GC pauses", $"{allocated / 1_048_576.0:F0} MiB; {collections}; {paused.TotalSeconds:F2} s"),
        ];
    }

    /// <summary>
    /// The first upload in a process also pays for the JIT: most of the code runs only a few times in the warm-up and is
    /// recompiled, optimised, while the upload runs. Three more uploads of new articles show what each further one costs.
    /// </summary>
    private static async Task<BenchmarkRow> RepeatedAsync(QdrantArchiveStore store, Random random, string[] vocabulary, CancellationToken cancellationToken)
    {
        var process = Process.GetCurrentProcess();
        var cpu = new List<double>();
        for (var round = 1; round <= 3; round++)
        {
            var articles = Enumerable.Range(0, Articles).Select(i => MakeArticle($"again{round}-{i:D5}", random, vocabulary, SentencesPerChunk)).ToList();
            GC.Collect();
            process.Refresh();
            var before = process.TotalProcessorTime;
            await store.SaveAsync(articles, cancellationToken);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - before).TotalSeconds);
        }
        return new BenchmarkRow("client CPU time of 3 more such uploads (JIT done); load average after",
            $"{cpu.Min():F2}–{cpu.Max():F2} s; {MachineLoad.Now()}", "< 1.5 s");
    }

    private static IndexedArticle MakeArticle(string id, Random random, string[] vocabulary, int vectorsPerChunk)
    {
        var chunks = new List<IndexedChunk>();
        var text = new StringBuilder();
        var context = $"Headline of {id}\nNIAMEY, 1 November 2017";
        for (var i = 0; i < ChunksPerArticle; i++)
        {
            var start = text.Length;
            var vectors = new List<ReadOnlyMemory<float>>();
            for (var s = 0; s < SentencesPerChunk; s++)
            {
                if (s > 0) text.Append(' ');
                text.Append(Sentence(random, vocabulary));
                if (s < vectorsPerChunk) vectors.Add(RandomUnitVector(random));
            }
            var chunk = new Chunk(Chunk.MakeId(id, i), id, i, start, text.Length, text.ToString(start, text.Length - start)) { Context = context };
            chunks.Add(new IndexedChunk(chunk, vectors));
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

    /// <summary>Made-up words of two to four syllables: a vocabulary as varied as news text, without shipping one.</summary>
    private static string[] Vocabulary(Random random, int size)
    {
        string[] syllables = ["ka", "lo", "mi", "ne", "ra", "tu", "sen", "dor", "pli", "vas", "gre", "mon", "ter", "bal", "cu", "fi"];
        return Enumerable.Range(0, size)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => syllables[random.Next(syllables.Length)])))
            .ToArray();
    }

    private static string Sentence(Random random, string[] vocabulary) =>
        string.Join(' ', Enumerable.Range(0, WordsPerSentence).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + ".";

    private static float[] RandomUnitVector(Random random)
    {
        var v = new float[Dimensions];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }
}
