using Bot.Core.Retrieval;

namespace Bot.Core.Answering.Extractive;

/// <summary>The ranked sentences of the passages and, when there is a best one, what the confidence model needs.</summary>
public sealed record ExtractiveReading(QuestionProfile Question, IReadOnlyList<ScoredSentence> Ranked, ConfidenceFeatures? Features)
{
    public ScoredSentence? Best => Ranked.Count > 0 ? Ranked[0] : null;
}

/// <summary>Reads the passages for a question: candidate sentences, their ranking, and the confidence features of the best.</summary>
public static class ExtractiveReader
{
    public static ExtractiveReading Read(string question, IReadOnlyList<Passage> passages)
    {
        var candidates = SentenceCandidates.From(passages);
        var profile = QuestionProfile.Of(question, passages, passages.Select(PassageTerms.Of).ToList());
        var ranked = SentenceRanker.Rank(profile, candidates);
        if (ranked.Count == 0 || profile.Terms.Count == 0) return new ExtractiveReading(profile, ranked, null);

        var best = ranked[0];
        var rival = ranked.Skip(1).FirstOrDefault(s => s.Candidate.Passage.Article.Id != best.Candidate.Passage.Article.Id);
        var features = new ConfidenceFeatures(
            best.Features.Coverage,
            best.Features.PassageCoverage,
            profile.LargestMissing(PassageTerms.Of(best.Candidate.Passage)),
            best.Features.TypeMatch,
            profile.AnswerType != AnswerType.Any,
            best.Features.RankScore,
            best.Score - (rival?.Score ?? 0),
            profile.Terms.Count,
            profile.Negated && !QuestionProfile.HasNegation(best.Candidate.Text));
        return new ExtractiveReading(profile, ranked, features);
    }
}
