using System.Text.RegularExpressions;
using Bot.Core.Analysis;
using Bot.Core.Answering;

namespace Bot.Core.Conversations;

/// <summary>
/// The rewriter used when no language model is configured. A question that leans on the previous turn (a
/// pronoun, or too few words of its own) is made to stand alone: "And where?" asks the previous question again
/// with "where"; "And the Vietnamese woman?" asks it about her; "he", "him", "his", "she", "her" become the
/// person the previous answer is about ("What did he say about the ambush?" after "Who asked the U.S. to arm
/// its drones?" reads "What did Kalla Mountari say about the ambush?"); "it" the thing the previous question named,
/// "they" the country or organisation its answer named. A question still leaning on a pronoun, or on a reading
/// that is a guess, is searched together with the previous question, so the same story is found.
/// </summary>
public sealed partial class FollowUpQueryRewriter : IQueryRewriter
{
    /// <summary>It keeps no state: one serves every conversation.</summary>
    public static readonly FollowUpQueryRewriter Instance = new();

    private static readonly HashSet<string> Referring = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "him", "her", "them", "his", "hers", "their", "its", "this", "that", "these", "those",
        "there", "then", "also", "else", "more",
    };

    public Task<RewrittenQuestion> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken = default)
    {
        if (history.Count == 0) return Task.FromResult(RewrittenQuestion.Unchanged(question));
        var previous = history[^1];
        // "And where?" and "And the Vietnamese woman?" lean on the previous turn by their shape, however many words they have.
        var standalone = AskedAgain(question, previous.Question) ?? AboutSomeoneElse(question, previous.Question);
        if (standalone is null)
        {
            var leansOnPrevious = Refers(question) || TextAnalyzer.Terms(question).Count < 2 || Fragment().IsMatch(question.Trim());
            if (!leansOnPrevious) return Task.FromResult(RewrittenQuestion.Unchanged(question));
            standalone = previous.People.Count > 0 ? ResolvePerson(question, previous.People[0]) : question;
            // "it" read as the thing the previous question asked about is shown, but the reading is a guess: it is
            // searched with that question too, and quotes need only the follow-up's own words.
            var resolved = SubjectOf(previous.Question) is { } thing ? ResolveThing(standalone, thing) : standalone;
            // "they" as the country or organisation the previous answer named ("What did Niger ask for?"), the same kind of guess.
            resolved = previous.Group is { } group ? ResolveGroup(resolved, group) : resolved;
            if (resolved != standalone)
                return Task.FromResult(new RewrittenQuestion(resolved, $"{resolved} {previous.Question}") { OwnWords = standalone });
        }
        // A question made whole says what it asks about; one still leaning on "it" or "that" is searched with the
        // previous question, so the same story is found.
        var whole = standalone != question && !Refers(standalone);
        return Task.FromResult(new RewrittenQuestion(standalone, whole ? standalone : $"{standalone} {previous.Question}"));
    }

    private static bool Refers(string question) =>
        question.Split([' ', '?', '!', '.', ',', ';', ':'], StringSplitOptions.RemoveEmptyEntries).Any(Referring.Contains);

    /// <summary>
    /// "And where?" after "What date is Trump naming his running mate?" is "Where is Trump naming his running
    /// mate?": the earlier question with the new question word. Null when the question is more than a question
    /// word, or the earlier one does not read that way.
    /// </summary>
    public static string? AskedAgain(string question, string previous)
    {
        if (BareQuestionWord().Match(question.Trim()) is not { Success: true } bare) return null;
        if (LeadingQuestionWord().Match(previous.Trim()) is not { Success: true } lead) return null;
        var rest = previous.Trim()[lead.Length..];
        if (!Auxiliary().IsMatch(rest)) return null;
        var wh = bare.Groups["wh"].Value.ToLowerInvariant();
        return char.ToUpperInvariant(wh[0]) + wh[1..] + " " + rest;
    }

    /// <summary>
    /// "And the Vietnamese woman?" after "How old is Siti Aisyah?" is "How old is the Vietnamese woman?": the
    /// earlier question about someone else, put where it named its person or thing. Null when the question is
    /// not such a phrase or the earlier one names nobody.
    /// </summary>
    public static string? AboutSomeoneElse(string question, string previous)
    {
        if (OtherSubject().Match(question.Trim()) is not { Success: true } other) return null;
        var subject = other.Groups["subject"].Value.Trim();
        if (subject.Split(' ').Length > 5 || AnyQuestionWord().IsMatch(subject)) return null;
        var named = Answering.Spans.NameSpans.Find(previous).LastOrDefault(s => s.Start > 0);
        if (named is null) return null;
        var end = named.End;
        // "Paul Manafort's bond" with "Gates's": the possessive comes with the new name.
        if (subject.EndsWith("'s", StringComparison.Ordinal) || subject.EndsWith("’s", StringComparison.Ordinal))
            end += PossessiveAt(previous, end);
        return previous[..named.Start] + subject + previous[end..];
    }

    private static int PossessiveAt(string text, int at) =>
        at + 2 <= text.Length && (text.AsSpan(at, 2).SequenceEqual("'s") || text.AsSpan(at, 2).SequenceEqual("’s")) ? 2 : 0;

    /// <summary>"Where in the White House?", "And when in 2016?": a question word and a phrase, no verb; it narrows the previous question.</summary>
    [GeneratedRegex(@"^(?:(?:and|but|so),?\s+)?(?:where|when|who|what|which)\s+(?:in|at|on|inside|during|from|near)\s+[^?]*\??$", RegexOptions.IgnoreCase)]
    private static partial Regex Fragment();

    [GeneratedRegex(@"^(?:(?:and|but|so|ok|okay),?\s+|(?:what|how) about\s+)?(?<wh>where|when|why|who|what time|what day|on what date|what date)\s*\??$", RegexOptions.IgnoreCase)]
    private static partial Regex BareQuestionWord();

    [GeneratedRegex(@"^(?:on what date|what (?:date|day|time|year|month)|where|when|why|who|whom)\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingQuestionWord();

    [GeneratedRegex(@"^(?:what|which|who|whom|whose|when|where|why|how)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnyQuestionWord();

    [GeneratedRegex(@"^(?:is|was|are|were|did|does|do|will|would|has|have|had|can|could)\s+\S+\s+\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Auxiliary();

    [GeneratedRegex(@"^(?:and|what about|how about)\s+(?<subject>[^?]+?)\s*\??$", RegexOptions.IgnoreCase)]
    private static partial Regex OtherSubject();

    /// <summary>
    /// What a question asks about, when it names a thing right after its question word and auxiliary: "the US drone
    /// base" in "Where's the US drone base in Niger?", "the Obama Presidential Center" in "Where will the Obama
    /// Presidential Center be built?", "Twitter" in "How much did Twitter make...?". Null when it opens otherwise or
    /// names a person (the person is "he" or "she", not "it").
    /// </summary>
    public static string? SubjectOf(string question)
    {
        if (Subject().Match(question.Trim()) is not { Success: true } match) return null;
        var words = match.Groups["rest"].Value.TrimEnd('?', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var taken = new List<string>();
        foreach (var word in words)
        {
            var lower = word.ToLowerInvariant();
            var head = taken.Count == 0 && Determiners.Contains(lower);
            // A small word, a verb, or a plain word after a bare name ("Twitter make") ends the subject; "US" is a name, not "us".
            var plain = char.IsLower(word[0]);
            if (!head && plain && (StopWords.English.Contains(lower) || ThingVerbs.Contains(lower) || (taken.Count > 0 && taken.All(t => char.IsUpper(t[0]))))) break;
            taken.Add(word);
        }
        // The question's last word is its verb ("...attack trial start?"), not part of what it asks about.
        if (taken.Count == words.Length && taken.Count > 1 && char.IsLower(taken[^1][0])) taken.RemoveAt(taken.Count - 1);
        var named = taken.SkipWhile(w => Determiners.Contains(w.ToLowerInvariant())).ToList();
        if (named.Count == 0) return null;
        var name = string.Join(' ', named);
        var person = Answering.Spans.NameSpans.Find(name).Any(n => n.Kind == Answering.Spans.SpanKind.Person && n.Text == name);
        return person ? null : string.Join(' ', taken);
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an" };

    /// <summary>"it" and "its" become the thing the previous question asked about, unless "it" is an event ("What day did it happen?").</summary>
    public static string ResolveThing(string question, string thing) =>
        EventVerb().IsMatch(question) ? question : Resolve(ThingPronoun(), question, thing, possessive: "its");

    /// <summary>"they" and "them" become the group, "their" the group's.</summary>
    public static string ResolveGroup(string question, string group) => Resolve(GroupPronoun(), question, group, possessive: "their");

    /// <summary>Every pronoun <paramref name="pronouns"/> matches becomes <paramref name="name"/>, its <paramref name="possessive"/> form the name's.</summary>
    private static string Resolve(Regex pronouns, string question, string name, string possessive) =>
        pronouns.Replace(question, m => m.Value.Equals(possessive, StringComparison.OrdinalIgnoreCase) ? name + "'s" : name);

    [GeneratedRegex(@"\b(?:they|them|their)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GroupPronoun();

    private static readonly HashSet<string> ThingVerbs = new(StringComparer.Ordinal)
    {
        "make", "made", "cost", "costs", "start", "end", "begin", "open", "close", "say", "said", "get", "got", "give", "pay", "win",
        "lose", "take", "hold", "held", "do", "go", "come", "meet", "happen", "built", "build", "kill", "killed",
    };

    [GeneratedRegex(@"^(?:(?:and|but|so),?\s+)?(?:where|when|why|what|which|who|how(?: much| many| long| old)?)(?:'s|’s|\s+(?:is|was|are|were|does|did|do|will|would|has|have|had|can|could))\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Subject();

    [GeneratedRegex(@"\b(?:it|its)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThingPronoun();

    [GeneratedRegex(@"\b(?:happen|happened|occur|occurred|take place|took place)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EventVerb();

    /// <summary>"he"/"him" → the person, "his" → the person's; "her" is possessive before a word that is not a stop word.</summary>
    public static string ResolvePerson(string question, string person) => PersonalPronoun().Replace(question, m =>
    {
        var pronoun = m.Groups["pronoun"].Value.ToLowerInvariant();
        var possessive = pronoun == "his" || (pronoun == "her" && m.Groups["next"].Success && !StopWords.English.Contains(m.Groups["next"].Value.ToLowerInvariant()));
        return (possessive ? person + "'s" : person) + m.Groups["rest"].Value;
    });

    [GeneratedRegex(@"\b(?<pronoun>he|she|him|his|her)\b(?<rest>\s+(?<next>[\p{L}]+))?", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalPronoun();
}
