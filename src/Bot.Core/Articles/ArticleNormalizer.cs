using System.Diagnostics.CodeAnalysis;
using Bot.Core.Articles.Identity;
using Bot.Core.Articles.Metadata;
using Bot.Core.Articles.Repair;

namespace Bot.Core.Articles;

/// <summary>The article made from a draft, or the problem that kept the draft from becoming one.</summary>
public sealed record NormalizationResult(Article? Article, ReadProblem? Problem)
{
    [MemberNotNullWhen(true, nameof(Article))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Article is not null;
}

/// <summary>
/// Turns a draft into the stored article: whitespace normalised, lost apostrophes repaired, dateline read
/// (place, agency as source, byline as author, never removed from the text), date parsed, tags normalised,
/// title given or derived, then id and fingerprint. Given metadata always wins over what the text implies.
/// </summary>
public static class ArticleNormalizer
{
    public static NormalizationResult Normalize(ArticleDraft draft)
    {
        var (text, pageStarts) = RepairedText(draft);
        if (text.Length == 0) return new(null, new ReadProblem(draft.Origin, draft.Row, "the article has no text"));

        var dateline = DatelineParser.Parse(text);
        var title = Clean(draft.Title) is { } given ? ApostropheRepair.Repair(given) : TitleDeriver.FromLead(text, dateline?.LeadStart ?? 0);
        var url = Link(draft.Url);

        var article = new Article
        {
            Id = ArticleIdentity.Id(url, title, text),
            Title = title,
            Text = text,
            Published = PublishedDateParser.Parse(draft.PublishedRaw),
            Source = Clean(draft.Source) ?? dateline?.Agency,
            Url = url,
            Author = Clean(draft.Author) ?? dateline?.Author,
            Place = dateline?.Place,
            Tags = TagNormalizer.Normalize(draft.Tags),
            PageStarts = pageStarts,
            Fingerprint = "",
        };
        return new(article with { Fingerprint = ArticleIdentity.Fingerprint(article) }, null);
    }

    /// <summary>
    /// The normalised web address, or the value as given when it names no scheme ("www.reuters.com/x"); any other
    /// scheme ("javascript:", "data:") is dropped, because every channel shows the URL as a link to click.
    /// </summary>
    private static string? Link(string? value) =>
        UrlNormalizer.Normalize(value) ?? (Clean(value) is { } given && !Uri.TryCreate(given, UriKind.Absolute, out _) ? given : null);

    private static string Repair(string text) => ApostropheRepair.Repair(WhitespaceNormalizer.Normalize(text));

    /// <summary>
    /// The repaired text; a paged draft is repaired page by page and the pages joined by a paragraph break, so
    /// each page's start in the repaired text is known exactly.
    /// </summary>
    private static (string Text, IReadOnlyList<int> PageStarts) RepairedText(ArticleDraft draft)
    {
        if (draft.PageStarts.Count == 0) return (Repair(draft.Text), []);
        var text = new System.Text.StringBuilder(draft.Text.Length);
        var starts = new int[draft.PageStarts.Count];
        for (var page = 0; page < starts.Length; page++)
        {
            var from = Math.Clamp(draft.PageStarts[page], 0, draft.Text.Length);
            var to = page + 1 < starts.Length ? Math.Clamp(draft.PageStarts[page + 1], from, draft.Text.Length) : draft.Text.Length;
            var repaired = Repair(draft.Text[from..to]);
            if (repaired.Length > 0 && text.Length > 0) text.Append("\n\n");
            starts[page] = text.Length;
            text.Append(repaired);
        }
        return (text.ToString(), starts);
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : WhitespaceNormalizer.SingleLine(value);
}
