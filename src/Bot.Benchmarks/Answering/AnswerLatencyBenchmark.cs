using System.Diagnostics;
using System.Globalization;
using Bot.Core.Answering;
using Bot.Core.Evaluation;
using Bot.Core.Ingestion;
using Bot.Core.Retrieval;

namespace Bot.Benchmarks.Answering;

/// <summary>
/// Time the configured answerer takes beyond retrieval, on Wikipedia paragraphs (SQuAD-half) and on news (the
/// repository's news questions over the ISOT sample and the seed story, whose passages are longer and richer in
/// dates, names and amounts). Each question's passages are retrieved first (untimed), then the answerer alone is
/// timed. Uses BOT_EMBEDDINGS_MODEL when set, so the dense encoder's cost shows when it is configured.
/// </summary>
public sealed class AnswerLatencyBenchmark : IBenchmark
{
    private const int SquadQuestions = 2000;
    private const int Warmup = 50;
    private const string NewsQuestions = "eval/news-questions.jsonl";
    private static readonly string[] IsotFiles = ["datasets/isot-true-sample/True_sample_1500.csv", "datasets/isot-true-sample/true_small_1000.csv"];

    public string Name => "answer-latency";
    public string Description => $"answer time beyond retrieval: {SquadQuestions} SQuAD-half questions, then the news questions over the ISOT sample (p50/p95)";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var rows = new List<BenchmarkRow>();
        rows.AddRange(await SquadAsync(cancellationToken));
        rows.AddRange(await NewsAsync(cancellationToken));
        return rows;
    }

    private static async Task<IReadOnlyList<BenchmarkRow>> SquadAsync(CancellationToken cancellationToken)
    {
        if (SharedFiles.Find("datasets/squad-v2-dev-half/dev-v2.0.cs224n-half.json") is not { } squad)
            return [new BenchmarkRow("squad", "skipped: SQuAD-half not found (set BOT_SHARED_DIR)")];
        var dataset = await SquadDataset.LoadAsync(squad, cancellationToken);
        using var host = new BenchmarkHost(SharedFiles.EmbeddingModel);
        var store = host.Get<IArchiveStore>();
        var indexer = host.Get<ArticleIndexer>();
        await store.InitializeAsync(indexer.Space, cancellationToken);
        foreach (var batch in SquadArchive.Articles(dataset).Chunk(64))
            await store.SaveAsync(await indexer.IndexAsync(batch, cancellationToken), cancellationToken);
        var step = Math.Max(1, dataset.Questions.Count / (SquadQuestions + Warmup));
        var questions = dataset.Questions.Where((_, i) => i % step == 0).Take(SquadQuestions + Warmup).Select(q => q.Text).ToList();
        return await TimeAsync("squad", host, questions, cancellationToken);
    }

    private static async Task<IReadOnlyList<BenchmarkRow>> NewsAsync(CancellationToken cancellationToken)
    {
        var files = IsotFiles.Select(SharedFiles.Find).ToList();
        if (files.Any(f => f is null) || SharedFiles.Repository("seeds") is not { } seeds)
            return [new BenchmarkRow("news", "skipped: the ISOT sample not found (set BOT_SHARED_DIR)")];
        if (SharedFiles.Repository(NewsQuestions) is not { } questionFile)
            return [new BenchmarkRow("news", $"skipped: {NewsQuestions} not found")];
        var questions = await NewsQuestionFile.LoadAsync(questionFile, cancellationToken);
        using var host = new BenchmarkHost(SharedFiles.EmbeddingModel);
        await host.Get<IngestPipeline>().RunAsync([.. files!, seeds], cancellationToken: cancellationToken);
        // Every question on its own (a follow-up without its conversation); warm up on the first ones again.
        var asked = questions.Take(Warmup).Concat(questions).Select(q => q.Text).ToList();
        return await TimeAsync("news", host, asked, cancellationToken);
    }

    /// <summary>Answers each question after retrieving its passages; the first <see cref="Warmup"/> are not timed.</summary>
    private static async Task<IReadOnlyList<BenchmarkRow>> TimeAsync(string set, BenchmarkHost host, IReadOnlyList<string> questions,
        CancellationToken cancellationToken)
    {
        var retriever = host.Get<Retriever>();
        var answerer = host.Get<IAnswerer>();
        var times = new List<double>(questions.Count);
        var abstained = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            var passages = (await retriever.RetrieveAsync(questions[i], cancellationToken: cancellationToken)).Passages;
            var clock = Stopwatch.StartNew();
            Answer? final = null;
            await foreach (var update in answerer.AnswerAsync(new AnswerContext(questions[i], passages, []), cancellationToken))
                if (update is AnswerFinal f) final = f.Answer;
            clock.Stop();
            if (i < Warmup) continue;
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (final?.Abstained ?? true) abstained++;
        }
        times.Sort();
        double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return
        [
            new BenchmarkRow($"{set}: answerer", $"{answerer.Name}, dense encoder {(retriever.HasEmbedder ? "configured" : "none (lexical)")}"),
            new BenchmarkRow($"{set}: questions timed", times.Count.ToString(CultureInfo.InvariantCulture)),
            new BenchmarkRow($"{set}: abstained", $"{abstained / (double)times.Count:P0}"),
            new BenchmarkRow($"{set}: answer p50", $"{Percentile(0.50):F2} ms"),
            new BenchmarkRow($"{set}: answer p95", $"{Percentile(0.95):F2} ms", "< 50 ms"),
            new BenchmarkRow($"{set}: answer max", $"{times[^1]:F2} ms"),
        ];
    }
}
