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
    public static readonly ConfidenceModel Default = new([-1.685, 0.852, 0.611, -1.498, 0.289, 0.801, -0.028, -0.384, -0.386, 1.293, -0.564, -2.352, -1.089, -0.509, -0.606, -0.940, -1.833, -0.604, -0.371, -0.240, -0.043, 0.005, 0.728, 0.019, 0.146, -0.789, 0.401, -0.191, -0.959, 2.207, -0.250, -0.719, -2.117, -0.774, -0.120, 0.172, 1.443, 1.928, 2.164, 0.167, 0.090, 2.534, 2.295, 0.639, -0.091, -1.418, -1.263, 0.062, 2.274, 1.075, 0.269, -0.128]);

    /// <summary>
    /// The threshold `--fit` picked with these weights: the best mean of the two sets' overall accuracy that keeps
    /// each set's containment at 0.60 or more (in sample: SQuAD-half overall 0.650, news 0.664; docs/answers.md).
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
