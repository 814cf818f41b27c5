using System.Text.RegularExpressions;
using Bot.Core.Answering.Spans;

namespace Bot.Core.Answering.Extractive;

/// <summary>What the ranker knows about one candidate sentence.</summary>
public sealed record SentenceFeatures(
    /// <summary>Weighted share of the question's terms in the sentence.</summary>
    double Coverage,
    /// <summary>Weighted share of the question's terms in the sentence's passage, title line included.</summary>
    double PassageCoverage,
    /// <summary>1 for the best-retrieved passage, 1/2 for the second...</summary>
    double RankScore,
    /// <summary>The short answer the sentence holds for the question (a name, date or amount of the kind asked), if any.</summary>
    ShortAnswerCandidate? Answer,
    bool OpensArticle,
    /// <summary>For "why", the sentence gives a reason ("because", "due to"); for "what did X say", it reports speech.</summary>
    bool Cue,
    /// <summary>The sentence names a day the question names, however written ("Oct. 4" for "October 4").</summary>
    bool SameDay = false);

/// <summary>A candidate with its features and ranking score.</summary>
public sealed record ScoredSentence(SentenceCandidate Candidate, SentenceFeatures Features, double Score);

/// <summary>
/// Ranks candidate sentences by a weighted sum of their features. The sentence's own coverage of the question
/// dominates; the passage's coverage and retrieval rank break ties towards the passage retrieval trusted; a short
/// answer of the kind the question wants (a date for "when", soldiers counted for "how many soldiers") prefers
/// the sentence that can answer over one that merely repeats the question. Weights were set by hand against
/// containment on SQuAD-half and the news questions (`bot eval answers`), in steps of 0.05.
/// </summary>
public static partial class SentenceRanker
{
    private const double CoverageWeight = 1.0;
    private const double PassageCoverageWeight = 0.35;
    private const double RankWeight = 0.25;
    private const double AnswerWeight = 0.15;
    private const double FocusedAnswerWeight = 0.25;
    private const double NearAnswerWeight = 0.1;
    private const double OpeningWeight = 0.03;
    private const double CueWeight = 0.05;
    private const double SameDayWeight = 0.3;

    public static IReadOnlyList<ScoredSentence> Rank(QuestionProfile question, IReadOnlyList<SentenceCandidate> candidates)
    {
        var passageCoverage = new Dictionary<string, double>(StringComparer.Ordinal);
        var people = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var scored = new List<ScoredSentence>(candidates.Count);
        foreach (var sentence in candidates)
        {
            // "Where was he?" may be answered by where the story was filed: the lead is read with its dateline.
            var candidate = question.Intent.Wanted == Wanted.Place ? sentence.WithDateline() : sentence;
            var chunk = candidate.Passage.Chunk;
            if (!passageCoverage.TryGetValue(chunk.Id, out var inPassage))
                passageCoverage[chunk.Id] = inPassage = question.Coverage(PassageTerms.Of(candidate.Passage));
            if (!people.TryGetValue(chunk.Id, out var known))
                people[chunk.Id] = known = question.Intent.WantsShortAnswer ? SentenceSpans.PeopleIn(chunk.Text) : new HashSet<string>();
            var features = new SentenceFeatures(
                question.Coverage(question.Near(candidate.Terms, candidate.Passage)),
                inPassage,
                1.0 / (1 + candidate.Rank),
                ShortAnswers.Find(question.Intent, question.TermSet, candidate.Text, candidate.Passage.Article.Published, known, sentence.Start - candidate.Start),
                candidate.OpensArticle,
                (question.Intent.Why && ReasonCue().IsMatch(candidate.Text)) || (question.Intent.Said && SpeechCue().IsMatch(candidate.Text)),
                question.Days.Count > 0 && DateSpans.Find(candidate.Text, candidate.Passage.Article.Published).Any(d => question.NamesDay(d.Value)));
            scored.Add(new ScoredSentence(candidate, features, Score(features)));
        }
        // Stable: equal scores keep retrieval order.
        return scored.OrderByDescending(s => s.Score).ToList();
    }

    public static double Score(SentenceFeatures f) =>
        CoverageWeight * f.Coverage
        + PassageCoverageWeight * f.PassageCoverage
        + RankWeight * f.RankScore
        + (f.Answer is { } answer ? AnswerWeight + (answer.Focused ? FocusedAnswerWeight : 0) + NearAnswerWeight * answer.Nearness : 0)
        + (f.OpensArticle ? OpeningWeight : 0)
        + (f.Cue ? CueWeight : 0)
        + (f.SameDay ? SameDayWeight : 0);

    [GeneratedRegex(@"\b(?:because|due to|as a result|in order to|so that|aimed at|in protest|to protest|citing|cited|the reason|reasons|over concerns?|amid|fears? (?:of|that)|concerns? (?:about|over|that)|after|since|led to|caused|prompted|blamed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonCue();

    /// <summary>Words that state a reason outright ("because", "due to"), not merely an order of events ("after", "amid").</summary>
    public static bool StatesReason(string sentence) => StrongReasonCue().IsMatch(sentence);

    [GeneratedRegex(@"\b(?:because|due to|as a result of|in order to|so that|the reason|reasons? (?:for|why)|on the grounds that|citing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrongReasonCue();

    [GeneratedRegex(@"\b(?:said|says|told|added|wrote|tweeted|according to|stated|warned|argued|insisted|declared)\b|[“""]")]
    private static partial Regex SpeechCue();
}
