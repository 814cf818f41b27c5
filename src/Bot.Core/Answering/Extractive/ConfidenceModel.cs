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
    public static readonly ConfidenceModel Default = new([-2.186, 1.115, 2.359, -2.424, 0.567, 0.750, 0.578, -0.116, -0.213, 0.901,
        -0.775, -2.335, -1.245, -0.609, -0.648, -1.089, -2.144, -0.571, -0.364, 0, -0.615, 0, 0, 0, 0]);

    /// <summary>
    /// The abstention threshold read from the SQuAD-half trade-off curve with these weights: overall accuracy is
    /// flat from 0.47 to 0.50 (0.654 to 0.657) while containment falls from 0.645 to 0.604; 0.48 (0.656, containment
    /// 0.633) keeps a margin above the required 0.60 containment of answerable questions.
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
