namespace Bot.Core.Answering.Extractive;

/// <summary>
/// A logistic model over <see cref="ConfidenceFeatures"/>: the probability that quoting the best sentence
/// answers the question, rather than the question being one the archive cannot answer.
/// </summary>
public sealed class ConfidenceModel(IReadOnlyList<double> weights)
{
    /// <summary>
    /// Fitted on all of SQuAD-half by `bot eval answers --squad dev-v2.0.cs224n-half.json --fit` (L2-regularised
    /// logistic regression; positives: answerable questions whose answer contains a gold answer, negatives:
    /// unanswerable questions). Order as <see cref="ConfidenceFeatures.Names"/>. Refit whenever a feature or the
    /// sentence ranking changes. Fitted and measured on the same questions: see docs/answers.md for the
    /// article-split estimate.
    /// </summary>
    public static readonly ConfidenceModel Default = new([-3.673, -0.219, 1.871, -0.036, 0.976, 0.967, 0.308, 0.105, -0.668, 1.298, -0.450, -3.178, -0.587, -0.935, -0.325, -0.417, -1.231, -0.494, -0.196, -0.038, -1.021, 0.296, 0.701, 1.047, -0.011, 0.023]);

    /// <summary>
    /// The abstention threshold read from the SQuAD-half trade-off curve with these weights: overall accuracy is
    /// flat from 0.47 to 0.50 (0.654 to 0.657) while containment falls from 0.645 to 0.604; 0.48 (0.656, containment
    /// 0.633) keeps a margin above the required 0.60 containment of answerable questions.
    /// </summary>
    public const double DefaultThreshold = 0.49;

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
