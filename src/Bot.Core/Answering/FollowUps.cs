namespace Bot.Core.Answering;

/// <summary>
/// What to ask next after an answer: one "More on “title”" question per cited story, in order of first
/// citation, so a tap (a Teams suggested action, a web chat button) asks about that story alone. The title is
/// quoted because archive titles are often a story's first sentence, which reads as a phrase only in quotes.
/// </summary>
public static class FollowUps
{
    public const int Max = 3;
    /// <summary>Longest suggestion, in characters; longer titles are cut at a word.</summary>
    public const int MaxLength = 60;

    private const string Prefix = "More on “";
    private const string Suffix = "”";

    public static IReadOnlyList<string> For(Answer answer)
    {
        if (answer.Abstained) return [];
        return answer.Citations
            .OrderBy(c => c.Number)
            .Select(c => Topic(c.Title))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(Max)
            .Select(t => Prefix + t + Suffix)
            .ToList();
    }

    /// <summary>The title as a topic: without a trailing " - Reuters"-style credit or full stop, cut to fit at a word.</summary>
    private static string Topic(string? title)
    {
        var topic = (title ?? "").Trim();
        var credit = topic.LastIndexOf(" - ", StringComparison.Ordinal);
        if (credit > 0 && topic.Length - credit <= 20) topic = topic[..credit];
        topic = topic.TrimEnd('.', ' ');
        var room = MaxLength - Prefix.Length - Suffix.Length;
        if (topic.Length <= room) return topic;
        var cut = topic.LastIndexOf(' ', room - 1);
        return (cut > room / 2 ? topic[..cut] : topic[..(room - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }
}
