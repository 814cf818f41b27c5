using System.Diagnostics;
using System.Globalization;
using Bot.Core.Analysis;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;

namespace Bot.Benchmarks.Archive;

/// <summary>
/// Retrieval latency and footprint at 100,000 chunks: synthetic articles assembled from real ISOT sentences
/// (so the vocabulary and term statistics are a newswire's), each sentence with a random unit vector (vector
/// values do not change the cost of an exact scan). Query latency excludes embedding the query.
/// </summary>
public sealed class ScaleBenchmark : IBenchmark
{
    private const int TargetChunks = 100_000;
    private const int SentencesPerArticle = 20;
    private const int Dimensions = 512;
    private const int Queries = 300;

    public string Name => "scale";
    public string Description => $"retrieval at {TargetChunks:N0} synthetic chunks with sentence vectors: latency, memory, bytes per chunk";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        if (SharedFiles.Find("datasets/isot-true-sample") is not { } folder)
            return [new BenchmarkRow("skipped", "datasets/isot-true-sample not found (set BOT_SHARED_DIR)")];
        using var host = new BenchmarkHost();
        var sentences = await SentencePoolAsync(host, folder, cancellationToken);
        var titles = sentences.Take(Queries).ToList();
        var store = host.Get<IArchiveStore>();
        var chunker = host.Get<Chunker>();
        await store.InitializeAsync(new EmbeddingSpace("random-unit", Dimensions), cancellationToken);

        var random = new Random(42);
        var clock = Stopwatch.StartNew();
        var (chunks, vectors, articles) = (0, 0, 0);
        while (chunks < TargetChunks)
        {
            var batch = new List<IndexedArticle>();
            for (var i = 0; i < 200 && chunks < TargetChunks; i++, articles++)
            {
                var text = string.Join(" ", Enumerable.Range(0, SentencesPerArticle).Select(_ => sentences[random.Next(sentences.Count)]));
                var article = new Article { Id = $"synthetic{articles:D7}", Title = $"Synthetic story {articles}", Text = text, Source = "Synthetic", Fingerprint = "x" };
                var indexed = chunker.Chunk(article).Select(c => new IndexedChunk(c,
                    SentenceSplitter.Split(c.Text).Select(_ => RandomUnit(random)).ToList())).ToList();
                chunks += indexed.Count;
                vectors += indexed.Sum(c => c.Vectors.Count);
                batch.Add(new IndexedArticle(article, indexed));
            }
            await store.SaveAsync(batch, cancellationToken);
        }
        var buildSeconds = clock.Elapsed.TotalSeconds;
        var stats = await store.GetStatsAsync(cancellationToken);

        var rows = new List<BenchmarkRow>
        {
            new("archive", F($"{articles:N0} articles, {stats.Chunks:N0} chunks, {vectors:N0} sentence vectors, built in {buildSeconds:F0} s")),
            new("bytes on disk", F($"{stats.BytesOnDisk / 1024.0 / 1024:F0} MiB, {stats.BytesOnDisk / (double)stats.Chunks:F0} B/chunk")),
        };
        foreach (var mode in new[] { SearchMode.Lexical, SearchMode.Dense, SearchMode.Hybrid })
        {
            var queryRandom = new Random(7);
            var latency = await Latency.MeasureAsync(titles, title => store.SearchAsync(new SearchQuery
            {
                Text = title,
                Terms = TextAnalyzer.Terms(title),
                Vector = mode == SearchMode.Lexical ? null : RandomUnit(queryRandom),
                Mode = mode,
                Top = 8,
                MaxPerArticle = 2,
            }, cancellationToken));
            rows.Add(new BenchmarkRow($"{mode.ToString().ToLowerInvariant()} query latency", latency.Describe(), "p95 < 100 ms"));
        }
        using var process = Process.GetCurrentProcess();
        rows.Add(new BenchmarkRow("peak working set", F($"{process.PeakWorkingSet64 / 1024.0 / 1024:F0} MiB (process, incl. the in-memory int8 vector copy)")));
        rows.Add(new BenchmarkRow("managed heap after GC", F($"{GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024:F0} MiB")));
        return rows;
    }

    private static async Task<List<string>> SentencePoolAsync(BenchmarkHost host, string folder, CancellationToken cancellationToken)
    {
        var reader = host.Get<ArticleSourceReader>();
        var pool = new List<string>();
        await foreach (var item in reader.ReadAsync(folder, cancellationToken))
            if (item is ArticleDraft draft && ArticleNormalizer.Normalize(draft) is { Succeeded: true } normalized)
                pool.AddRange(SentenceSplitter.Split(normalized.Article.Text).Select(s => s.Of(normalized.Article.Text)).Where(s => s.Length > 20));
        return pool;
    }

    private static ReadOnlyMemory<float> RandomUnit(Random random)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++) vector[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<float>(vector, vector));
        for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        return vector;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
