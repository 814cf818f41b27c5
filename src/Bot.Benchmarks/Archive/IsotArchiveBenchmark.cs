using System.Diagnostics;
using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Ingestion;
using Bot.Core.Retrieval;
using Bot.Storage.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Bot.Benchmarks.Archive;

/// <summary>
/// The 2,500 ISOT Reuters stories: ingest throughput (lexical; with dense vectors when BOT_EMBEDDINGS_MODEL
/// is set), query latency at that size, and known-item retrieval (the title as the query, its story as the target).
/// </summary>
public sealed class IsotArchiveBenchmark : IBenchmark
{
    private const string Dataset = "datasets/isot-true-sample";
    private static readonly string[] Files = ["True_sample_1500.csv", "true_small_1000.csv"];
    private const int Queries = 500;

    public string Name => "isot";
    public string Description => "ingest 2,500 ISOT stories, then query latency and known-item recall (set BOT_EMBEDDINGS_MODEL for dense)";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        if (SharedFiles.Find(Dataset) is not { } folder)
            return [new BenchmarkRow("skipped", $"{Dataset} not found (set BOT_SHARED_DIR)")];
        var inputs = Files.Select(f => Path.Combine(folder, f)).ToList();
        var rows = new List<BenchmarkRow>();
        rows.AddRange(await RunModeAsync("lexical", null, inputs, cancellationToken));
        if (SharedFiles.EmbeddingModel is { } model)
            rows.AddRange(await RunModeAsync("hybrid", model, inputs, cancellationToken));
        else
            rows.Add(new BenchmarkRow("dense", "not measured: set BOT_EMBEDDINGS_MODEL to the use-lite folder"));
        return rows;
    }

    private static async Task<IReadOnlyList<BenchmarkRow>> RunModeAsync(string mode, string? model, IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        using var host = new BenchmarkHost(model);
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var report = await host.Get<IngestPipeline>().RunAsync(inputs, cancellationToken: cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var stats = await host.Get<IArchiveStore>().GetStatsAsync(cancellationToken);

        var articles = await ReadTitlesAsync(host, cancellationToken);
        var retriever = host.Get<Retriever>();
        var latency = await Latency.MeasureAsync(articles,
            article => retriever.RetrieveAsync(article.Title, top: 5, cancellationToken: cancellationToken));
        var (hits1, hits5) = (0, 0);
        foreach (var article in articles)
        {
            var result = await retriever.RetrieveAsync(article.Title, top: 5, cancellationToken: cancellationToken);
            var rank = result.Passages.Select(p => p.Article.Id).Distinct().ToList().IndexOf(article.Id);
            if (rank == 0) hits1++;
            if (rank >= 0) hits5++;
        }
        var target = mode == "lexical" ? "< 30 s" : "";
        var rows = new List<BenchmarkRow>
        {
            new BenchmarkRow($"{mode}: ingest", F($"{report.Stored} articles ({report.Duplicates.Count} duplicates, {report.Failed} failed), {report.Chunks} chunks in {seconds:F1} s wall, {cpuSeconds:F1} s CPU"), target),
            new BenchmarkRow($"{mode}: ingest rate", F($"{report.Stored / seconds:F0} articles/s, {report.Chunks / seconds:F0} chunks/s")),
            new BenchmarkRow($"{mode}: archive", F($"{stats.Chunks} chunks, {stats.Details.GetValueOrDefault("sentence vectors", "0")} sentence vectors, {stats.BytesOnDisk / 1024.0 / 1024:F1} MiB on disk, {stats.BytesOnDisk / Math.Max(1, stats.Chunks):F0} B/chunk")),
            new BenchmarkRow($"{mode}: query latency (question to passages, top 5{(model is null ? "" : ", embedding included")})", latency.Describe(),
                model is null ? "p95 < 30 ms" : ""),
            new BenchmarkRow($"{mode}: known-item recall@1 / @5 (title → story)", F($"{hits1 / (double)articles.Count:F3} / {hits5 / (double)articles.Count:F3}")),
        };
        if (model is not null)
        {
            var embedder = host.Get<IEmbeddingGenerator<string, Embedding<float>>>();
            var embedding = await Latency.MeasureAsync(articles,
                article => embedder.GenerateAsync([article.Title], cancellationToken: cancellationToken));
            var vectors = new List<ReadOnlyMemory<float>>(articles.Count);
            foreach (var article in articles)
                vectors.Add((await embedder.GenerateAsync([article.Title], cancellationToken: cancellationToken))[0].Vector);
            rows.Add(new BenchmarkRow("hybrid: of which embedding the question", embedding.Describe()));
            rows.Add(await StoreSearchLatencyAsync(host, articles, vectors, cancellationToken));
            rows.Add(await SketchAgreementAsync(host, articles, vectors, cancellationToken));
        }
        return rows;
    }

    /// <summary>The hybrid query's store search alone, its question embedded beforehand (retrieval only).</summary>
    private static async Task<BenchmarkRow> StoreSearchLatencyAsync(BenchmarkHost host, IReadOnlyList<ArticleSummary> articles,
        IReadOnlyList<ReadOnlyMemory<float>> vectors, CancellationToken cancellationToken)
    {
        var retriever = host.Get<Retriever>();
        var store = host.Get<IArchiveStore>();
        var queries = articles.Select((article, i) => retriever.Query(article.Title, vectors[i], SearchMode.Hybrid, top: 5)).ToList();
        var search = await Latency.MeasureAsync(queries, query => store.SearchAsync(query, cancellationToken));
        return new BenchmarkRow("hybrid: of which the store's search (question embedded beforehand)", search.Describe(), "p95 < 30 ms");
    }

    /// <summary>How many of the exact dense top 10 the binary-sketch path (used on large archives) also returns.</summary>
    private static async Task<BenchmarkRow> SketchAgreementAsync(BenchmarkHost host, IReadOnlyList<ArticleSummary> articles,
        IReadOnlyList<ReadOnlyMemory<float>> vectors, CancellationToken cancellationToken)
    {
        var exact = host.Get<IArchiveStore>();
        var sketched = new SqliteArchiveStore(Options.Create(new SqliteArchiveOptions { DataDirectory = host.Folder, ExactDenseUpTo = 0 }));
        var (shared, total) = (0, 0);
        for (var i = 0; i < articles.Count; i++)
        {
            var query = new SearchQuery
            {
                Text = articles[i].Title,
                Terms = [],
                Vector = vectors[i],
                Mode = SearchMode.Dense,
                Top = 10,
                MaxPerArticle = 10,
            };
            var expected = (await exact.SearchAsync(query, cancellationToken)).Select(p => p.Chunk.Id).ToHashSet();
            shared += (await sketched.SearchAsync(query, cancellationToken)).Count(p => expected.Contains(p.Chunk.Id));
            total += expected.Count;
        }
        return new BenchmarkRow("dense: binary-sketch recall@10 vs exact scan", F($"{shared / (double)Math.Max(1, total):F3}"));
    }

    /// <summary>A fixed spread of stored articles, every n-th one, so runs are comparable.</summary>
    private static async Task<List<ArticleSummary>> ReadTitlesAsync(BenchmarkHost host, CancellationToken cancellationToken)
    {
        var page = await host.Get<IArchiveStore>().ListArticlesAsync(0, 100_000, cancellationToken: cancellationToken);
        var step = Math.Max(1, page.Items.Count / Queries);
        return page.Items.Where((_, i) => i % step == 0).Take(Queries).ToList();
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
