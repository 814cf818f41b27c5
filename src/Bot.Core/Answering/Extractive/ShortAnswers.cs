using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Analysis;
using Bot.Core.Answering.Spans;

namespace Bot.Core.Answering.Extractive;

/// <summary>A span of a sentence that answers the question, and how surely.</summary>
/// <param name="Focused">The amount counts what the question counts ("four U.S. soldiers" for "how many soldiers").</param>
/// <param name="Nearness">1 when the span stands right beside one of the question's words in the sentence, falling with distance.</param>
/// <param name="Proximity">The same measure averaged over every question word the sentence holds: the span among most of them.</param>
public sealed record ShortAnswerCandidate(AnswerSpan Span, bool Focused, double Nearness, double Proximity)
{
    public double Score => (Focused ? 1 : 0) + Proximity + Preference;

    /// <summary>For "who", a person before an organisation before another name before a country.</summary>
    public double Preference { get; init; }
}

/// <summary>
/// Finds the short answer in a sentence: among the sentence's names, dates and amounts of the kind the question
/// wants, one the question does not already hold, among the question's own words (and, for "how many
/// soldiers", followed by "soldiers"). A title in front of a name is part of it: in "U.S. President Donald Trump
/// and Vietnamese President Tran Dai Quang", Vietnam's president is the second.
/// </summary>
public static partial class ShortAnswers
{
    /// <summary>Words after a span within which the noun it counts or names must follow ("four U.S. soldiers").</summary>
    private const int FocusReach = 4;

    /// <summary>A place the dateline gives is where the story was filed: the answer only when the sentence names no other.</summary>
    private const double DatelinePenalty = 0.5;

    /// <param name="leadStart">Where the sentence proper begins when a dateline was put in front of it (0 without one).</param>
    public static ShortAnswerCandidate? Find(QuestionIntent intent, IReadOnlySet<string> questionTerms, string sentence,
        DateTimeOffset? published, IReadOnlySet<string>? knownPeople = null, int leadStart = 0)
    {
        if (!intent.WantsShortAnswer) return null;
        var spans = SentenceSpans.Find(sentence, published, knownPeople)
            .Select(s => IsVenue(intent, s, sentence) ? s with { Kind = SpanKind.Place } : s).Where(s => intent.Accepts(s.Kind)).ToList();
        if (spans.Count == 0) return null;
        var words = SentenceSpans.Words(sentence);
        var asked = questionTerms.Where(t => words.Any(w => w.Terms.Contains(t))).ToList();
        ShortAnswerCandidate? best = null;
        foreach (var span in spans)
        {
            var terms = span.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // The question's own names and numbers are not its answer ("the United States" in "who asked the US...",
            // "Governor Mark Dayton" for "which judge voided Dayton's veto").
            if (terms.Length > 0 && (span.IsName ? terms.Any(questionTerms.Contains) || questionTerms.Contains(Initials(span.Text)) : terms.All(questionTerms.Contains))) continue;
            // The outlet a story credits ("Politico reported", "told Reuters") reports the news; it is not in it,
            // unless the question asks who reported or was told.
            if (span.Kind is SpanKind.Organisation or SpanKind.Name && !questionTerms.Overlaps(CreditTerms) && IsCredited(sentence, span)) continue;
            // A day before the story was filed has passed: it answers no "when will".
            if (intent.AsksFuture && span.Kind == SpanKind.Date && published is { } filed && Before(span.Value, filed)) continue;
            // "arrested in Sri Lanka" says where, not who.
            if (intent.Wanted is Wanted.Agent or Wanted.Organisation && span.Kind is SpanKind.Country or SpanKind.Place && Locative().IsMatch(sentence[..span.Start])) continue;
            // "a horse-riding game from Iran" says where something comes from, which answers only "where ... from?".
            if (intent.Wanted == Wanted.Place && !intent.AsksOrigin && Origin().IsMatch(sentence[..span.Start])) continue;
            var (first, last) = (words.Count(w => w.Start < span.Start), words.Count(w => w.Start < span.End) - 1);
            var focused = intent.Focus is { } focus && Counts(sentence, words, first, last, focus);
            if (intent.NamesFocus && !focused) continue;
            // "killed 130 people" does not count the mosques asked about: a count of another plain noun is no answer.
            if (intent.Wanted == Wanted.Count && intent.Focus is { } counted && !focused && CountsOther(sentence, words, last, counted)) continue;
            var closeness = asked.Select(term => Closeness(words, first, last, term)).ToList();
            var candidate = new ShortAnswerCandidate(span, focused, closeness.DefaultIfEmpty(0).Max(), closeness.DefaultIfEmpty(0).Average())
            {
                Preference = Preference(intent, span, sentence) - (span.Start < leadStart ? DatelinePenalty : 0),
            };
            if (best is null || candidate.Score > best.Score) best = candidate;
        }
        return best;
    }

    /// <summary>
    /// Whether the span counts or names the question's noun: the noun in the title before it ("Defence Minister Kalla
    /// Mountari", "hacker Guccifer"), in it, or a few words after it with no other noun or verb between ("four U.S. soldiers", not
    /// "nearly 600 officers raided properties").
    /// </summary>
    /// <param name="first">The index of the span's first word; <paramref name="last"/> of its last.</param>
    private static bool Counts(string sentence, IReadOnlyList<SentenceSpans.SentenceWord> words, int first, int last, string focus)
    {
        // The title is the capitalised run before the name, or one plain word ("alleged hacker Guccifer 2.0").
        for (var i = first - 1; i >= 0 && (words[i].Capitalised || i == first - 1); i--)
            if (words[i].Terms.Contains(focus)) return true;
        for (var i = first; i < words.Count && i <= last + FocusReach; i++)
        {
            if (words[i].Terms.Contains(focus)) return true;
            if (i > last && IsOtherHead(sentence[words[i].Start..words[i].End])) return false;
        }
        return false;
    }

    /// <summary>The word right after the amount is a plain plural noun that is neither the question's noun nor a word for it ("130 people").</summary>
    private static bool CountsOther(string sentence, IReadOnlyList<SentenceSpans.SentenceWord> words, int last, string focus)
    {
        if (last + 1 >= words.Count) return false;
        var next = words[last + 1];
        var word = sentence[next.Start..next.End];
        // "people" may be the immigrants or voters asked about, so only plurals in -s count as another noun.
        return IsPlainPlural(word) && !Words.IsStopWord(word) && !next.Terms.Contains(focus) && !next.Terms.Any(RelatedWords.Of(focus).Contains);
    }

    /// <summary>A lower-case plural or past form ("officers", "raided", "was"): the phrase has another head by then.</summary>
    private static bool IsOtherHead(string word) =>
        IsPlainPlural(word) || (char.IsLower(word[0]) && word.EndsWith("ed", StringComparison.Ordinal));

    /// <summary>A lower-case word in -s but not -ss ("officers", "rounds").</summary>
    private static bool IsPlainPlural(string word) =>
        char.IsLower(word[0]) && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal);

    /// <summary>
    /// 1 / (1 + words between the span and the nearest word carrying <paramref name="term"/> / 4). A word in the
    /// run of capitalised words right before the span is its title and counts as next to it.
    /// </summary>
    private static double Closeness(IReadOnlyList<SentenceSpans.SentenceWord> words, int first, int last, string term)
    {
        var distance = int.MaxValue;
        for (var i = 0; i < words.Count; i++)
        {
            if (!words[i].Terms.Contains(term)) continue;
            var between = i < first ? (Enumerable.Range(i, first - i).All(k => words[k].Capitalised) ? 0 : first - i - 1)
                : i > last ? i - last - 1 : 0;
            distance = Math.Min(distance, between);
        }
        return 1 / (1 + distance / 4.0);
    }

    /// <summary>Whether a date span's value (yyyy-MM-dd, yyyy-MM or yyyy) lies wholly before <paramref name="filed"/>'s day.</summary>
    private static bool Before(string value, DateTimeOffset filed) => value.Length switch
    {
        10 => string.CompareOrdinal(value, filed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) < 0,
        7 => string.CompareOrdinal(value, filed.ToString("yyyy-MM", CultureInfo.InvariantCulture)) < 0,
        4 => string.CompareOrdinal(value, filed.ToString("yyyy", CultureInfo.InvariantCulture)) < 0,
        _ => false,
    };

    /// <summary>"sdf" for "Syrian Democratic Forces": the question may hold a name by its initials.</summary>
    private static string Initials(string name)
    {
        var initials = string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => char.ToLowerInvariant(w[0])));
        return initials.Length >= 2 ? initials : "";
    }

    private static readonly string[] CreditTerms = [.. new[] { "reported", "report", "told", "tell", "interview" }.Select(TextAnalyzer.Stem)];

    private static bool IsCredited(string sentence, AnswerSpan span) =>
        CreditBefore().IsMatch(sentence[..span.Start]) || CreditAfter().IsMatch(sentence[span.End..]);

    [GeneratedRegex(@"\bfrom\s+(?:the\s+)?$")]
    private static partial Regex Origin();

    [GeneratedRegex(@"\b(?:told|reviewed by|seen by|obtained by)\s+(?:the\s+)?$")]
    private static partial Regex CreditBefore();

    [GeneratedRegex(@"^\s*(?:reported|reports|said in a report)\b")]
    private static partial Regex CreditAfter();

    /// <summary>"in the hill station of", "at", "in": the place where something is, not where it comes from or goes.</summary>
    [GeneratedRegex(@"\b(?:in|at|inside|near)\s+(?:(?:the|a)\s+)?(?:(?:[\p{Ll}-]+\s+){1,2}of\s+)?$")]
    private static partial Regex Locative();

    /// <summary>"in the Oval Office", "at Woolwich Crown Court": for "where", a building named like an institution is a place.</summary>
    private static bool IsVenue(QuestionIntent intent, AnswerSpan span, string sentence) =>
        intent.Wanted == Wanted.Place && span.Kind == SpanKind.Organisation && Locative().IsMatch(sentence[..span.Start]);

    private static double Preference(QuestionIntent intent, AnswerSpan span, string sentence) => intent.Wanted switch
    {
        // "Where" wants the most precise place, where the thing is ("in Murree"); "which country" a country.
        Wanted.Place => (span.Kind == (intent.Focus == QuestionIntent.CountryFocus ? SpanKind.Country : SpanKind.Place) ? 0.2 : 0) + (Locative().IsMatch(sentence[..span.Start]) ? 0.2 : 0),
        Wanted.Agent => span.Kind switch { SpanKind.Person => 0.6, SpanKind.Organisation => 0.3, SpanKind.Name => 0.1, _ => 0 },
        Wanted.Person => span.Kind == SpanKind.Person ? 0.4 : 0,
        Wanted.Amount => span.Kind == SpanKind.Number ? 0 : 0.1,
        // A day beats a month or year, which beat "earlier this week".
        Wanted.Date => span.Value.Length switch { 10 => 0.3, 7 or 4 => 0.15, _ => 0 },
        Wanted.Time => span.Kind == SpanKind.Time ? 0.3 : 0,
        _ => 0,
    };
}
