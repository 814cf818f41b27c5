namespace Bot.Core.Answering.Extractive;

/// <summary>What the ranker knows about one candidate sentence.</summary>
public sealed record SentenceFeatures(
    /// <summary>Weighted share of the question's terms in the sentence.</summary>
    double Coverage,
    /// <summary>Weighted share of the question's terms in the sentence's passage, title line included.</summary>
    double PassageCoverage,
    /// <summary>1 for the best-retrieved passage, 1/2 for the second...</summary>
    double RankScore,
    /// <summary>The sentence holds a token of the answer type the question asks for (a year for "when").</summary>
    bool TypeMatch,
    bool OpensArticle);

/// <summary>A candidate with its features and ranking score.</summary>
public sealed record ScoredSentence(SentenceCandidate Candidate, SentenceFeatures Features, double Score);

/// <summary>
/// Ranks candidate sentences by a weighted sum of their features. The sentence's own coverage of the question
/// dominates; the passage's coverage and retrieval rank break ties towards the passage retrieval trusted; the
/// answer-type cue prefers the sentence that can fill the question's gap. Weights were set by hand against
/// containment on SQuAD-half (`bot eval answers`), in steps of 0.05.
/// </summary>
public static class SentenceRanker
{
    private const double CoverageWeight = 1.0;
    private const double PassageCoverageWeight = 0.35;
    private const double RankWeight = 0.25;
    private const double TypeMatchWeight = 0.15;
    private const double OpeningWeight = 0.03;

    public static IReadOnlyList<ScoredSentence> Rank(QuestionProfile question, IReadOnlyList<SentenceCandidate> candidates)
    {
        var passageCoverage = new Dictionary<string, double>(StringComparer.Ordinal);
        var scored = new List<ScoredSentence>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var chunk = candidate.Passage.Chunk;
            if (!passageCoverage.TryGetValue(chunk.Id, out var inPassage))
                passageCoverage[chunk.Id] = inPassage = question.Coverage(PassageTerms.Of(candidate.Passage));
            var features = new SentenceFeatures(
                question.Coverage(question.Near(candidate.Terms, candidate.Passage)),
                inPassage,
                1.0 / (1 + candidate.Rank),
                AnswerTypes.Matches(question.AnswerType, candidate.Text, question.Question),
                candidate.OpensArticle);
            scored.Add(new ScoredSentence(candidate, features, Score(features)));
        }
        // Stable: equal scores keep retrieval order.
        return scored.OrderByDescending(s => s.Score).ToList();
    }

    public static double Score(SentenceFeatures f) =>
        CoverageWeight * f.Coverage
        + PassageCoverageWeight * f.PassageCoverage
        + RankWeight * f.RankScore
        + (f.TypeMatch ? TypeMatchWeight : 0)
        + (f.OpensArticle ? OpeningWeight : 0);
}
