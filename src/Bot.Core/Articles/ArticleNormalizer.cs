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
        var text = ApostropheRepair.Repair(WhitespaceNormalizer.Normalize(draft.Text));
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

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : WhitespaceNormalizer.SingleLine(value);
}
