using System.Text.RegularExpressions;
using Bot.Core.Retrieval;

namespace Bot.Core.Answering.Extractive;

/// <summary>The ranked sentences of the passages and, when there is a best one, what the confidence model needs.</summary>
public sealed record ExtractiveReading(QuestionProfile Question, IReadOnlyList<ScoredSentence> Ranked, ConfidenceFeatures? Features)
{
    /// <summary>How the answer opens (<see cref="LeadQuote"/>), worked out once for the features and the plan; null without a best sentence.</summary>
    public LeadQuote? Lead { get; init; }

    /// <summary>The best sentence's neighbours in its chunk, best-ranked first.</summary>
    public IEnumerable<SentenceCandidate> NeighboursOfBest() =>
        Ranked.Select(s => s.Candidate).Where(c => c.IsNeighbourOf(Ranked[0].Candidate));
}

/// <summary>Reads the passages for a question: candidate sentences, their ranking, and the confidence features of the best.</summary>
public static partial class ExtractiveReader
{
    /// <param name="frequencies">The archive's document frequencies of the question's terms, when the store offers them.</param>
    /// <param name="asked">The question as asked, when <paramref name="question"/> is a follow-up rewritten from it.</param>
    public static ExtractiveReading Read(string question, IReadOnlyList<Passage> passages, DocumentFrequencies? frequencies = null,
        string? asked = null)
    {
        var candidates = SentenceCandidates.From(passages);
        var profile = QuestionProfile.Of(question, passages.Select(PassageTerms.Of).ToList(), frequencies, asked) with
        {
            StoryTerms = passages.GroupBy(p => p.Article.Id).ToDictionary(g => g.Key,
                g => (IReadOnlySet<string>)g.SelectMany(PassageTerms.Of).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal),
        };
        var ranked = SentenceRanker.Rank(profile, candidates);
        if (ranked.Count == 0 || profile.Terms.Count == 0) return new ExtractiveReading(profile, ranked, null);
        var reading = new ExtractiveReading(profile, ranked, null);
        reading = reading with { Lead = LeadQuote.Of(reading) };
        return reading with { Features = Measure(reading, reading.Lead) };
    }

    /// <summary>Words of sentences of one chunk, read in their order there.</summary>
    private static Words WordsOf(IEnumerable<SentenceCandidate> sentences) =>
        Words.Of(string.Join(" ", sentences.OrderBy(c => c.Position).Select(c => c.Text)));

    private static ConfidenceFeatures Measure(ExtractiveReading reading, LeadQuote lead)
    {
        var question = reading.Question;
        var best = reading.Ranked[0];
        var sentence = best.Candidate;
        var answer = lead.Answer;
        var neighbours = reading.NeighboursOfBest().ToList();
        var terms = new HashSet<string>(sentence.Terms, StringComparer.Ordinal);
        foreach (var neighbour in neighbours) terms.UnionWith(neighbour.Terms);
        var window = question.Near(terms, sentence.Passage);
        var windowWords = WordsOf(neighbours.Append(sentence));
        var sentenceWords = Words.Of(sentence.Text);
        var quotedWords = lead.Completing is { } completing ? WordsOf([sentence, completing]) : sentenceWords;
        var questionNegates = Negation.GovernedStems(question.Words);
        var sentenceNegates = Negation.GovernedStems(sentenceWords);
        var windowNegates = Negation.GovernedStems(windowWords);
        var substitution = Substitutions.Find(question.Words, sentenceWords);
        var rival = reading.Ranked.Skip(1).FirstOrDefault(s => s.Candidate.Passage.Article.Id != sentence.Passage.Article.Id);

        return new ConfidenceFeatures(
            best.Features.Coverage,
            question.Coverage(window),
            best.Features.PassageCoverage,
            question.Terms.Count(t => !window.Contains(t)),
            question.MissingRarity(window),
            // Against another story's best; with no other story retrieved, no margin to speak of.
            rival is null ? 0 : best.Score - rival.Score,
            question.Terms.Count,
            sentence.Terms.Count == 0 ? 0 : sentence.Terms.Count(t => !question.Weights.ContainsKey(t)) / (double)sentence.Terms.Count,
            question.Negated && !Negation.IsNegated(quotedWords),
            questionNegates.Any(t => !windowNegates.Contains(t)),
            sentenceNegates.Any(t => question.Words.StemSet.Contains(t) && !questionNegates.Contains(t)),
            question.MissesEntity(PassageTerms.Of(sentence.Passage)),
            Number().Matches(question.Question).Any(m => !sentence.Text.Contains(m.Value.TrimEnd('.', ','), StringComparison.Ordinal)),
            Opposites.Flipped(question.Words, sentenceWords),
            substitution.NameOrNumber,
            substitution.Modifier,
            question.Intent.WantsShortAnswer,
            question.Intent.WantsShortAnswer && answer is null,
            answer?.Focused == true,
            answer?.Nearness ?? 0,
            question.Intent.Why || question.Intent.Said,
            best.Features.Cue,
            best.Features.SameDay,
            sentence.Passage.Article.Published is not null);
    }

    [GeneratedRegex(@"\d[\d,.]*")]
    private static partial Regex Number();
}
