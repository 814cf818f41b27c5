using Bot.Core.Retrieval;

namespace Bot.Core.Evaluation;

/// <summary>Recall of the gold paragraph at 1/5/20 and its mean reciprocal rank within the top 10.</summary>
public sealed record RetrievalMetrics(int Questions, double RecallAt1, double RecallAt5, double RecallAt20, double MrrAt10);

/// <summary>
/// Asks every answerable SQuAD question and finds the rank of its gold paragraph among the retrieved articles
/// (one passage per article, so ranks count articles, not chunks).
/// </summary>
public static class RetrievalEvaluation
{
    public const int Depth = 20;

    public static async Task<RetrievalMetrics> MeasureAsync(
        Retriever retriever, SquadDataset dataset, SearchMode mode, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var articleIds = dataset.Paragraphs.Select(p => SquadArchive.ToArticle(p).Id).ToArray();
        var questions = dataset.Questions.Where(q => !q.IsImpossible).ToList();
        var ranks = new int[questions.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, questions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var result = await retriever.RetrieveAsync(questions[i].Text, top: Depth, mode: mode, cancellationToken: ct);
                var gold = articleIds[questions[i].ParagraphIndex];
                var rank = result.Passages.Select(p => p.Article.Id).Distinct().ToList().IndexOf(gold);
                ranks[i] = rank < 0 ? int.MaxValue : rank + 1;
                progress?.Report(Interlocked.Increment(ref done));
            });
        double Recall(int k) => questions.Count == 0 ? 0 : ranks.Count(r => r <= k) / (double)questions.Count;
        var mrr = questions.Count == 0 ? 0 : ranks.Sum(r => r <= 10 ? 1.0 / r : 0) / questions.Count;
        return new RetrievalMetrics(questions.Count, Recall(1), Recall(5), Recall(20), mrr);
    }
}
