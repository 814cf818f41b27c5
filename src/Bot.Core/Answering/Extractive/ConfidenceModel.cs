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
    public static readonly ConfidenceModel Default = new([-2.073, 0.803, 0.749, -1.319, 0.398, 1.059, 0.107, -0.222, -0.542, 1.251, -0.559, -2.806, -0.877, -0.574, -0.585, -0.961, -1.964, -0.528, -0.325, -0.192, -0.107, 0.032, 0.696, 0.039, 0.136, -0.663, 0.151, -0.272, -1.366, 2.334, 0.260, -0.398, -2.185, -0.262, -0.715, 0.513, 0.949, -0.802, 2.898, 0.177, 0.383, 2.375, 0.733, 0.324, 0.089, -1.372, -1.592, 0.002, 2.395, 1.054, 0.283, 0.034]);

    /// <summary>
    /// The threshold `--fit` picked with these weights: the best mean of the two sets' overall accuracy that keeps
    /// each set's containment at 0.60 or more (in sample: SQuAD-half overall 0.653, news 0.670; docs/answers.md).
    /// </summary>
    public const double DefaultThreshold = 0.48;

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
