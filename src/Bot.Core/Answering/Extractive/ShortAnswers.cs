using Bot.Core.Answering.Spans;

namespace Bot.Core.Answering.Extractive;

/// <summary>A span of a sentence that answers the question, and how surely.</summary>
/// <param name="Focused">The amount counts what the question counts ("four U.S. soldiers" for "how many soldiers").</param>
/// <param name="Nearness">1 when the span stands right beside the question's words in the sentence, falling with distance.</param>
public sealed record ShortAnswerCandidate(AnswerSpan Span, bool Focused, double Nearness)
{
    public double Score => (Focused ? 1 : 0) + Nearness + Preference;

    /// <summary>For "who", a person before an organisation before another name before a country.</summary>
    public double Preference { get; init; }
}

/// <summary>
/// Finds the short answer in a sentence: among the sentence's names, dates and amounts of the kind the question
/// wants, one the question does not already hold, nearest the question's own words (and, for "how many
/// soldiers", followed by "soldiers").
/// </summary>
public static class ShortAnswers
{
    /// <summary>Characters after an amount within which the counted noun must follow ("four U.S. soldiers").</summary>
    private const int FocusReach = 40;

    /// <summary>A place the dateline gives is where the story was filed: the answer only when the sentence names no other.</summary>
    private const double DatelinePenalty = 0.5;

    /// <param name="leadStart">Where the sentence proper begins when a dateline was put in front of it (0 without one).</param>
    public static ShortAnswerCandidate? Find(QuestionIntent intent, IReadOnlySet<string> questionTerms, string sentence,
        DateTimeOffset? published, IReadOnlySet<string>? knownPeople = null, int leadStart = 0)
    {
        if (!intent.WantsShortAnswer) return null;
        var spans = SentenceSpans.Find(sentence, published, knownPeople).Where(s => intent.Accepts(s.Kind)).ToList();
        if (spans.Count == 0) return null;
        var positions = SentenceSpans.TermPositions(sentence);
        var anchors = positions.Where(p => questionTerms.Contains(p.Term)).Select(p => p.Offset).ToList();
        ShortAnswerCandidate? best = null;
        foreach (var span in spans)
        {
            var terms = span.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // The question's own names and numbers are not its answer ("the United States" in "who asked the US...",
            // "Governor Mark Dayton" for "which judge voided Dayton's veto").
            if (terms.Length > 0 && (span.IsName ? terms.Any(questionTerms.Contains) : terms.All(questionTerms.Contains))) continue;
            var focused = intent.Focus is { } focus && positions.Any(p => p.Term == focus && p.Offset >= span.Start && p.Offset <= span.End + FocusReach);
            var candidate = new ShortAnswerCandidate(span, focused, Nearness(span, anchors))
            {
                Preference = Preference(intent, span) - (span.Start < leadStart ? DatelinePenalty : 0),
            };
            if (best is null || candidate.Score > best.Score) best = candidate;
        }
        return best;
    }

    /// <summary>1 / (1 + words between the span and the nearest question word / 4); 0 when the sentence has none of them.</summary>
    private static double Nearness(AnswerSpan span, IReadOnlyList<int> anchors)
    {
        if (anchors.Count == 0) return 0;
        var distance = anchors.Min(a => a < span.Start ? span.Start - a : a >= span.End ? a - span.End : 0);
        return 1 / (1 + distance / 6.0 / 4);
    }

    private static double Preference(QuestionIntent intent, AnswerSpan span) => intent.Wanted switch
    {
        Wanted.Agent => span.Kind switch { SpanKind.Person => 0.6, SpanKind.Organisation => 0.3, SpanKind.Name => 0.1, _ => 0 },
        Wanted.Person => span.Kind == SpanKind.Person ? 0.4 : 0,
        Wanted.Amount => span.Kind == SpanKind.Number ? 0 : 0.1,
        // A day beats a month or year, which beat "earlier this week".
        Wanted.Date => span.Value.Length switch { 10 => 0.3, 7 or 4 => 0.15, _ => 0 },
        Wanted.Time => span.Kind == SpanKind.Time ? 0.3 : 0,
        _ => 0,
    };
}
