using Bot.Core.Answering.Extractive;

namespace Bot.Core.Evaluation;

/// <summary>Fitted confidence weights, the threshold picked with them, and the metrics they give.</summary>
public sealed record Calibration(double[] Weights, double Threshold, AnswerMetrics Metrics);

/// <summary>
/// Fits the extractive answerer's <see cref="ConfidenceModel"/> on recorded outcomes (positives: answerable
/// questions whose answer contains a gold answer; negatives: unanswerable ones; answerable questions answered
/// wrongly score the same either way and are left out), and measures it honestly by cross-validation over
/// stories: fit and pick the threshold on the other folds' stories, measure on the held-out fold's.
/// </summary>
public static class ConfidenceCalibration
{
    public static Calibration InSample(IReadOnlyList<AnswerOutcome> outcomes)
    {
        var weights = Fit(outcomes);
        var score = Scorer(new ConfidenceModel(weights));
        var threshold = AnswerEvaluation.PickThreshold(outcomes, score);
        return new Calibration(weights, threshold, AnswerEvaluation.At(outcomes, threshold, score));
    }

    /// <summary>
    /// Out-of-fold answer decisions for every outcome, and each fold's calibration as measured on its held-out
    /// stories. Stories are dealt to <paramref name="folds"/> folds in title order, so a story's questions are
    /// never both fitted and measured.
    /// </summary>
    public static (IReadOnlyDictionary<AnswerOutcome, bool> Answers, IReadOnlyList<Calibration> Folds) CrossValidate(
        IReadOnlyList<AnswerOutcome> outcomes, int folds = 2)
    {
        var stories = outcomes.Select(o => o.Story).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var foldOf = stories.Select((story, i) => (story, i)).ToDictionary(x => x.story, x => x.i % folds, StringComparer.Ordinal);
        var answers = new Dictionary<AnswerOutcome, bool>(ReferenceEqualityComparer.Instance);
        var calibrations = new List<Calibration>();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = outcomes.Where(o => foldOf[o.Story] != fold).ToList();
            var test = outcomes.Where(o => foldOf[o.Story] == fold).ToList();
            var fitted = InSample(train);
            var score = Scorer(new ConfidenceModel(fitted.Weights));
            foreach (var o in test) answers[o] = score(o) >= fitted.Threshold;
            calibrations.Add(fitted with { Metrics = AnswerEvaluation.At(test, fitted.Threshold, score) });
        }
        return (answers, calibrations);
    }

    public static Func<AnswerOutcome, double> Scorer(ConfidenceModel model) =>
        o => o.Features is { } x ? model.Confidence(x) : 0;

    /// <summary>Each question set weighs the same in the fit, however many questions it has.</summary>
    private static double[] Fit(IReadOnlyList<AnswerOutcome> outcomes)
    {
        var labelled = outcomes.Where(o => o.Features is not null && o.AnswerIsBetter is not null).ToList();
        var perSet = labelled.GroupBy(o => o.Question.Set).ToDictionary(g => g.Key, g => g.Count());
        var weights = labelled.Select(o => labelled.Count / (double)(perSet.Count * perSet[o.Question.Set])).ToList();
        return LogisticRegression.Fit(labelled.Select(o => o.Features!).ToList(), labelled.Select(o => o.AnswerIsBetter!.Value).ToList(),
            weights: weights);
    }
}
