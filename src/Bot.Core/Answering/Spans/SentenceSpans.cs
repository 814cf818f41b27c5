using System.Text.RegularExpressions;
using Bot.Core.Analysis;

namespace Bot.Core.Answering.Spans;

/// <summary>A sentence's dates, amounts and names, none overlapping (a date's digits are no amount, "Oct." no name).</summary>
public static partial class SentenceSpans
{
    public static IReadOnlyList<AnswerSpan> Find(string sentence, DateTimeOffset? published, IReadOnlySet<string>? knownPeople = null)
    {
        var dates = DateSpans.Find(sentence, published);
        var amounts = NumberSpans.Find(sentence, dates);
        var names = NameSpans.Find(sentence, knownPeople).Where(n => !dates.Any(n.Overlaps) && !amounts.Any(n.Overlaps));
        return dates.Concat(amounts).Concat(names).OrderBy(s => s.Start).ToList();
    }

    /// <summary>The last names of the people <paramref name="text"/> names in full ("Kalla Mountari" gives "mountari").</summary>
    public static IReadOnlySet<string> PeopleIn(string text)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var span in NameSpans.Find(text))
            if (span.Kind == SpanKind.Person && span.Text.Contains(' '))
                people.Add(span.Text[(span.Text.LastIndexOf(' ') + 1)..].ToLowerInvariant());
        return people;
    }

    [GeneratedRegex(@"[\p{L}\d][\p{L}\d'’\-.]*")]
    private static partial Regex Word();

    /// <summary>Where each analysed term of <paramref name="sentence"/> stands (offset of its word), for measuring how near a span is to the question's words.</summary>
    public static IReadOnlyList<(int Offset, string Term)> TermPositions(string sentence)
    {
        var positions = new List<(int, string)>();
        foreach (Match m in Word().Matches(sentence))
            foreach (var term in TextAnalyzer.Terms(m.Value))
                positions.Add((m.Index, term));
        return positions;
    }
}
