using System.Diagnostics;
using Bot.Core.Answering;
using Bot.Core.Evaluation;
using Bot.Core.Ingestion;
using Bot.Core.Retrieval;

namespace Bot.Benchmarks.Answering;

/// <summary>
/// Time the configured answerer takes beyond retrieval: SQuAD-half is indexed into a temporary embedded
/// archive, each question's passages are retrieved first (untimed), then the answerer alone is timed.
/// Uses BOT_EMBEDDINGS_MODEL when set, so the dense encoder's cost shows when it is configured.
/// </summary>
public sealed class AnswerLatencyBenchmark : IBenchmark
{
    private const int Questions = 2000;
    private const int Warmup = 50;

    public string Name => "answer-latency";
    public string Description => $"answer time beyond retrieval, {Questions} SQuAD-half questions (p50/p95)";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        if (SharedFiles.Find("datasets/squad-v2-dev-half/dev-v2.0.cs224n-half.json") is not { } squad)
            return [new BenchmarkRow("skipped", "SQuAD-half not found: set BOT_SHARED_DIR")];
        var dataset = await SquadDataset.LoadAsync(squad, cancellationToken);
        using var host = new BenchmarkHost(SharedFiles.EmbeddingModel);
        var store = host.Get<IArchiveStore>();
        var indexer = host.Get<ArticleIndexer>();
        await store.InitializeAsync(indexer.Space, cancellationToken);
        foreach (var batch in SquadArchive.Articles(dataset).Chunk(64))
            await store.SaveAsync(await indexer.IndexAsync(batch, cancellationToken), cancellationToken);

        var retriever = host.Get<Retriever>();
        var answerer = host.Get<IAnswerer>();
        var times = new List<double>(Questions);
        var abstained = 0;
        var step = Math.Max(1, dataset.Questions.Count / (Questions + Warmup));
        var asked = 0;
        for (var i = 0; i < dataset.Questions.Count && times.Count < Questions; i += step, asked++)
        {
            var question = dataset.Questions[i].Text;
            var passages = (await retriever.RetrieveAsync(question, cancellationToken: cancellationToken)).Passages;
            var clock = Stopwatch.StartNew();
            Answer? final = null;
            await foreach (var update in answerer.AnswerAsync(new AnswerContext(question, passages, []), cancellationToken))
                if (update is AnswerFinal f) final = f.Answer;
            clock.Stop();
            if (asked < Warmup) continue;
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (final?.Abstained ?? true) abstained++;
        }
        times.Sort();
        double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return
        [
            new BenchmarkRow("answerer", answerer.Name),
            new BenchmarkRow("dense encoder", retriever.HasEmbedder ? "configured" : "none (lexical)"),
            new BenchmarkRow("questions timed", times.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new BenchmarkRow("abstained", $"{abstained / (double)times.Count:P0}"),
            new BenchmarkRow("answer p50", $"{Percentile(0.50):F2} ms"),
            new BenchmarkRow("answer p95", $"{Percentile(0.95):F2} ms", "< 50 ms"),
            new BenchmarkRow("answer max", $"{times[^1]:F2} ms"),
        ];
    }
}
