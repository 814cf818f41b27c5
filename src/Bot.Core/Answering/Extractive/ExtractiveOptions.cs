namespace Bot.Core.Answering.Extractive;

/// <summary>How the extractive answerer composes and when it abstains (configuration section "Answering").</summary>
public sealed class ExtractiveOptions
{
    public const string SectionName = "Answering";

    /// <summary>
    /// Below this confidence the answerer abstains. The default is the threshold picked from the SQuAD-half
    /// trade-off curve (`bot eval answers --squad ...`): the best overall accuracy that keeps containment on
    /// answerable questions at 0.60 or more.
    /// </summary>
    public double MinConfidence { get; set; } = ConfidenceModel.DefaultThreshold;

    /// <summary>At most this many quotes in one answer (a quote is a sentence, or a sentence with the neighbour that completes it).</summary>
    public int MaxSentences { get; set; } = 3;

    public void Validate()
    {
        if (MinConfidence is < 0 or > 1 || double.IsNaN(MinConfidence))
            throw new ArgumentOutOfRangeException(nameof(MinConfidence), MinConfidence, $"{SectionName}:{nameof(MinConfidence)} must be between 0 and 1.");
        if (MaxSentences is < 1 or > 10)
            throw new ArgumentOutOfRangeException(nameof(MaxSentences), MaxSentences, $"{SectionName}:{nameof(MaxSentences)} must be between 1 and 10.");
    }
}
