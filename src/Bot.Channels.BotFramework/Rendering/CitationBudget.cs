using Bot.Core.Answering;

namespace Bot.Channels.BotFramework.Rendering;

/// <summary>
/// Keeps a message within the citations a channel accepts (Teams refuses the whole message above
/// <see cref="AnswerRenderer.MaxCitations"/>) without leaving a [n] marker that has no citation: first the
/// citations of one article are merged into one source, renumbered in order of first use; when distinct
/// articles still exceed the budget, the text ends before the first sentence that cites one too many.
/// </summary>
public static class CitationBudget
{
    public static FittedCitations Fit(string text, IReadOnlyList<Citation> citations, int max)
    {
        var byNumber = citations.GroupBy(c => c.Number).ToDictionary(g => g.Key, g => g.First());
        var used = FirstUse(text).Where(byNumber.ContainsKey).ToList();
        if (used.Count <= max)
            return new FittedCitations(text, used.Order().Select(n => new CitedSource(n, [byNumber[n]])).ToList(), false);

        // One source per article, numbered by the article's first use.
        var articles = used.Select(n => byNumber[n].ArticleId).Distinct().ToList();
        var articleNumber = articles.Select((id, i) => (id, i + 1)).ToDictionary(p => p.id, p => p.Item2);
        int SourceOf(int number) => articleNumber[byNumber[number].ArticleId];

        var truncated = false;
        if (articles.Count > max)
        {
            var overflow = CitationMarkers.Find(text).First(g => g.Numbers.Any(n => byNumber.ContainsKey(n) && SourceOf(n) > max));
            var cut = SentenceStart(text, overflow.Start);
            if (cut > 0)
            {
                text = text[..cut].TrimEnd();
                truncated = true;
            }
        }
        // Whatever still cites a source beyond the budget (only possible when the first sentence does) loses that marker.
        var rewritten = CitationMarkers.Rewrite(text, group => group.Numbers
            .Where(byNumber.ContainsKey).Select(SourceOf).Where(n => n <= max));
        var sources = used
            .GroupBy(SourceOf)
            .Where(g => g.Key <= max)
            .OrderBy(g => g.Key)
            .Select(g => new CitedSource(g.Key, g.Select(n => byNumber[n] with { Number = g.Key }).ToList()))
            .ToList();
        var kept = FirstUse(rewritten).ToHashSet();
        return new FittedCitations(rewritten, sources.Where(s => kept.Contains(s.Number)).ToList(), truncated);
    }

    private static IEnumerable<int> FirstUse(string text) =>
        CitationMarkers.Find(text).SelectMany(g => g.Numbers).Distinct();

    /// <summary>
    /// Where the sentence holding <paramref name="position"/> starts: after the last line break, or the last space
    /// that follows a full stop (markers in between allowed: "... rose. [2] Then" and "... rose [2]. Then").
    /// </summary>
    private static int SentenceStart(string text, int position)
    {
        for (var i = position - 1; i > 0; i--)
        {
            if (text[i] == '\n') return i + 1;
            if (!char.IsWhiteSpace(text[i])) continue;
            var j = i - 1;
            while (j > 0 && text[j] == ']' && text.LastIndexOf('[', j) is var open and > 0) j = open - 1;
            while (j > 0 && char.IsWhiteSpace(text[j])) j--;
            if (text[j] is '.' or '!' or '?') return i + 1;
        }
        return 0;
    }
}
