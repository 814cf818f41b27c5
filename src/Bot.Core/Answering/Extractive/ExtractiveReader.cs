using Bot.Core.Retrieval;

namespace Bot.Core.Answering.Extractive;

/// <summary>The ranked sentences of the passages and, when there is a best one, what the confidence model needs.</summary>
public sealed record ExtractiveReading(QuestionProfile Question, IReadOnlyList<ScoredSentence> Ranked, ConfidenceFeatures? Features);

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
        var sentence = best.Candidate;
        var rival = ranked.Skip(1).FirstOrDefault(s => s.Candidate.Passage.Article.Id != sentence.Passage.Article.Id);
        var features = new ConfidenceFeatures(
            best.Features.Coverage,
            best.Features.PassageCoverage,
            profile.Coverage(Window(ranked, sentence)),
            best.Features.TypeMatch,
            best.Features.RankScore,
            best.Score - (rival?.Score ?? 0),
            profile.Terms.Count,
            sentence.Terms.Count == 0 ? 0 : sentence.Terms.Count(t => !profile.Weights.ContainsKey(t)) / (double)sentence.Terms.Count,
            profile.Negated && !QuestionProfile.HasNegation(sentence.Text),
            profile.MissesEntity(PassageTerms.Of(sentence.Passage)),
            Contrast.MissingWords(question, sentence.Text));
        return new ExtractiveReading(profile, ranked, features);
    }

    /// <summary>The terms of a sentence and its neighbours in the same chunk (a question often spans two sentences).</summary>
    private static HashSet<string> Window(IReadOnlyList<ScoredSentence> ranked, SentenceCandidate sentence)
    {
        var terms = new HashSet<string>(sentence.Terms, StringComparer.Ordinal);
        foreach (var s in ranked)
            if (s.Candidate.Passage.Chunk.Id == sentence.Passage.Chunk.Id && Math.Abs(s.Candidate.Position - sentence.Position) == 1)
                terms.UnionWith(s.Candidate.Terms);
        return terms;
    }
}
