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
    public static readonly ConfidenceModel Default = new([-1.679, 1.028, 0.912, -1.748, 0.310, 0.665, 0.036, -0.390, -0.367, 1.240, -0.631, -2.232, -1.159, -0.508, -0.609, -0.877, -1.782, -0.622, -0.398, -0.239, -0.070, 0.038, 0.664, 0.030, 0.155, -0.716, 0.345, -0.023, -0.196, 1.539, -0.242, -0.781, -1.935, -0.741, -0.192, 0.073, 1.213, 2.145, 1.723, 0.071, -0.136, 2.632, 2.766, 0.737, -0.086, -1.221, -1.309, 1.335, 1.868, 1.288, 0.374, -0.024]);

    /// <summary>
    /// The threshold `--fit` picked with these weights: the best mean of the two sets' overall accuracy that keeps
    /// each set's containment at 0.60 or more (in sample: SQuAD-half overall 0.651, news 0.684; docs/answers.md).
    /// </summary>
    public const double DefaultThreshold = 0.47;

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
