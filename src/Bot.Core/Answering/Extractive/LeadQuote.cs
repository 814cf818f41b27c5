namespace Bot.Core.Answering.Extractive;

/// <summary>
/// How an answer opens: the best sentence, the neighbour that completes it (quoted with it as one quote), and the
/// short answer that leads, from either. The confidence model judges this answer, the one the reader is given.
/// </summary>
public sealed record LeadQuote(ScoredSentence Best, SentenceCandidate? Completing, SentenceCandidate AnswerSentence, ShortAnswerCandidate? Answer)
{
    /// <summary>A neighbour adding this much of the question's weight is quoted with the best sentence: the question spans both.</summary>
    private const double NeighbourGain = 0.1;

    public static LeadQuote Of(ExtractiveReading reading)
    {
        var best = reading.Ranked[0];
        var question = reading.Question;
        var completing = reading.NeighboursOfBest().FirstOrDefault(n =>
            question.Coverage(question.Near(best.Candidate.Terms.Union(n.Terms).ToHashSet(StringComparer.Ordinal), n.Passage))
            - best.Features.Coverage >= NeighbourGain);
        // "She replaces Boerge Brende" completes "Soereide was named minister...": the answer may stand in the
        // neighbour, and there it may be the better one ("At a campaign rally in Maine" after a Washington dateline).
        var next = completing is null ? null : reading.Ranked.First(r => r.Candidate == completing).Features.Answer;
        return next is not null && (best.Features.Answer is not { } own || next.Score > own.Score)
            ? new LeadQuote(best, completing, completing!, next)
            : new LeadQuote(best, completing, best.Candidate, best.Features.Answer);
    }
}
