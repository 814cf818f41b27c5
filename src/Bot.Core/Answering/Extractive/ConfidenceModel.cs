namespace Bot.Core.Answering.Extractive;

/// <summary>
/// A logistic model over <see cref="ConfidenceFeatures"/>: the probability that quoting the best sentence
/// answers the question, rather than the question being one the archive cannot answer.
/// </summary>
public sealed class ConfidenceModel(IReadOnlyList<double> weights)
{
    /// <summary>
    /// Fitted on SQuAD-half and the news question set together, each set weighing alike, by `bot eval answers
    /// --squad dev-v2.0.cs224n-half.json --questions eval/news-questions.jsonl --csv (the ISOT sample) seeds --fit`
    /// (L2-regularised logistic regression; positives: answerable questions whose answer contains a gold answer,
    /// negatives: unanswerable questions). Order as <see cref="ConfidenceFeatures.Names"/>. Refit whenever a
    /// feature or the sentence ranking changes. Fitted and measured on the same questions: see docs/answers.md
    /// for the estimate cross-validated by story.
    /// </summary>
    public static readonly ConfidenceModel Default = new([-1.713, 0.939, 0.870, -1.708, 0.306, 0.746, 0.032, -0.388, -0.373, 1.256, -0.589, -2.231, -1.161, -0.502, -0.609, -0.910, -1.809, -0.610, -0.387, -0.219, -0.064, 0.077, 0.606, 0.033, 0.140, -0.714, 0.310, -0.189, -0.352, 1.537, -0.209, -0.735, -1.981, -0.787, -0.026, 0.144, 1.340, 2.132, 1.747, 0.068, -0.061, 2.670, 2.869, 0.718, -0.058, -1.159, -1.427, 1.364, 1.744, 1.254, 0.307, -0.023]);

    /// <summary>
    /// The threshold `--fit` picked with these weights: the best mean of the two sets' overall accuracy that keeps
    /// each set's containment at 0.60 or more (in sample: SQuAD-half overall 0.651, news 0.675; docs/answers.md).
    /// </summary>
    public const double DefaultThreshold = 0.46;

    public IReadOnlyList<double> Weights { get; } = weights.Count == ConfidenceFeatures.Names.Count
        ? weights
        : throw new ArgumentException($"The confidence model needs {ConfidenceFeatures.Names.Count} weights, got {weights.Count}.", nameof(weights));

    public double Confidence(ConfidenceFeatures features) => Confidence(features.ToVector());

    public double Confidence(IReadOnlyList<double> vector)
    {
        var z = 0.0;
        for (var i = 0; i < vector.Count; i++) z += Weights[i] * vector[i];
        return 1 / (1 + Math.Exp(-z));
    }
}
