using Bot.Core.Answering.Extractive;

namespace Bot.Core.Evaluation;

/// <summary>Fitted confidence weights, the threshold picked with them, and the metrics they give.</summary>
public sealed record Calibration(double[] Weights, double Threshold, AnswerMetrics Metrics);

/// <summary>
/// Fits the extractive answerer's <see cref="ConfidenceModel"/> on recorded outcomes (positives: answerable
/// questions whose answer contains a gold answer; negatives: unanswerable ones; answerable questions answered
/// wrongly score the same either way and are left out), and measures it honestly with a two-fold split by
/// Wikipedia article: fit and pick the threshold on half the articles, measure on the other half, and back.
/// </summary>
public static class ConfidenceCalibration
{
    public static Calibration InSample(IReadOnlyList<AnswerOutcome> outcomes)
    {
        var weights = Fit(outcomes);
        var model = new ConfidenceModel(weights);
        var threshold = AnswerEvaluation.PickThreshold(outcomes, Scorer(model));
        return new Calibration(weights, threshold, AnswerEvaluation.At(outcomes, threshold, Scorer(model)));
    }

    /// <summary>Out-of-fold metrics over all questions, and each fold's fitted calibration as measured on its held-out half.</summary>
    public static (AnswerMetrics Metrics, IReadOnlyList<Calibration> Folds) CrossValidate(IReadOnlyList<AnswerOutcome> outcomes)
    {
        var articles = outcomes.Select(o => o.Article).Distinct().Order(StringComparer.Ordinal).ToList();
        var firstHalf = articles.Where((_, i) => i % 2 == 0).ToHashSet(StringComparer.Ordinal);
        var answers = new Dictionary<AnswerOutcome, bool>(ReferenceEqualityComparer.Instance);
        var folds = new List<Calibration>();
        foreach (var heldOutFirst in new[] { true, false })
        {
            var train = outcomes.Where(o => firstHalf.Contains(o.Article) != heldOutFirst).ToList();
            var test = outcomes.Where(o => firstHalf.Contains(o.Article) == heldOutFirst).ToList();
            var fitted = InSample(train);
            var score = Scorer(new ConfidenceModel(fitted.Weights));
            foreach (var o in test) answers[o] = score(o) >= fitted.Threshold;
            folds.Add(fitted with { Metrics = AnswerEvaluation.At(test, fitted.Threshold, score) });
        }
        return (AnswerEvaluation.Measure(outcomes, o => answers[o]), folds);
    }

    public static Func<AnswerOutcome, double> Scorer(ConfidenceModel model) =>
        o => o.Features is { } x ? model.Confidence(x) : 0;

    private static double[] Fit(IReadOnlyList<AnswerOutcome> outcomes)
    {
        var labelled = outcomes.Where(o => o.Features is not null && o.AnswerIsBetter is not null).ToList();
        return LogisticRegression.Fit(labelled.Select(o => o.Features!).ToList(), labelled.Select(o => o.AnswerIsBetter!.Value).ToList());
    }
}
