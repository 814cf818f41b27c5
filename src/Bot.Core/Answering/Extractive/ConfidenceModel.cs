namespace Bot.Core.Answering.Extractive;

/// <summary>
/// A logistic model over <see cref="ConfidenceFeatures"/>: the probability that quoting the best sentence
/// answers the question, rather than the question being one the archive cannot answer.
/// </summary>
public sealed class ConfidenceModel(IReadOnlyList<double> weights)
{
    /// <summary>
    /// Fitted on SQuAD-half by `bot eval answers --squad dev-v2.0.cs224n-half.json --fit` (L2-regularised
    /// logistic regression; positives: answerable questions whose best sentence contains a gold answer,
    /// negatives: unanswerable questions). Order as <see cref="ConfidenceFeatures.Names"/>. Refit whenever a
    /// feature or the sentence ranking changes.
    /// </summary>
    public static readonly ConfidenceModel Default = new([-1.915, 1.427, -2.671, 1.914, 0.864, 0.141, 0.321, -0.283, 1.041, -0.811, -3.459, -1.001, -0.220]);

    /// <summary>
    /// The abstention threshold picked from the SQuAD-half trade-off curve with these weights: the best overall
    /// accuracy among thresholds that keep containment on answerable questions at 0.60 or more.
    /// </summary>
    public const double DefaultThreshold = 0.44;

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
