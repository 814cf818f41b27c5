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
    public static readonly ConfidenceModel Default = new([-1.620, 0.940, 0.721, -1.602, 0.294, 0.740, 0.013, -0.405, -0.374, 1.251, -0.626, -2.238, -1.156, -0.503, -0.598, -0.932, -1.812, -0.612, -0.387, -0.270, -0.011, -0.005, 0.689, 0.031, 0.138, -0.724, 0.448, -0.166, -0.611, 1.949, -0.203, -0.756, -1.925, -0.812, -0.164, 0.164, 1.032, 2.111, 1.754, 0.151, 0.038, 2.423, 2.817, 0.731, -0.167, -1.379, -1.239, 0.338, 2.122, 1.218, 0.275, -0.027]);

    /// <summary>
    /// The threshold `--fit` picked with these weights: the best mean of the two sets' overall accuracy that keeps
    /// each set's containment at 0.60 or more (in sample: SQuAD-half overall 0.653, news 0.678; docs/answers.md).
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
