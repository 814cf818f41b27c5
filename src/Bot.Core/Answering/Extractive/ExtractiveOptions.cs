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

    /// <summary>At most this many sentences are quoted in one answer.</summary>
    public int MaxSentences { get; set; } = 3;

    /// <summary>
    /// A sentence after the best one is quoted only when its ranking score is at least this share of the best
    /// one's, so a clear winner is quoted alone.
    /// </summary>
    public double FollowingSentenceRatio { get; set; } = 0.6;

    public void Validate()
    {
        if (MinConfidence is < 0 or > 1 || double.IsNaN(MinConfidence))
            throw new ArgumentOutOfRangeException(nameof(MinConfidence), MinConfidence, $"{SectionName}:{nameof(MinConfidence)} must be between 0 and 1.");
        if (MaxSentences is < 1 or > 10)
            throw new ArgumentOutOfRangeException(nameof(MaxSentences), MaxSentences, $"{SectionName}:{nameof(MaxSentences)} must be between 1 and 10.");
        if (FollowingSentenceRatio is < 0 or > 1 || double.IsNaN(FollowingSentenceRatio))
            throw new ArgumentOutOfRangeException(nameof(FollowingSentenceRatio), FollowingSentenceRatio, $"{SectionName}:{nameof(FollowingSentenceRatio)} must be between 0 and 1.");
    }
}
