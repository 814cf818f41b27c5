using Bot.Core.Articles;

namespace Bot.Core.Sources.Listing;

/// <summary>
/// One entry of a feed, sitemap or folder: where its article is, and what the listing says about it, which fills
/// what the page itself lacks.
/// </summary>
public sealed record ListedItem
{
    /// <summary>The item's identity in the source's state: its normalised URL, or a file's full path.</summary>
    public required string Key { get; init; }
    /// <summary>The page's URL, or the file's path.</summary>
    public required string Location { get; init; }
    /// <summary>The listing's date for it (sitemap lastmod, feed updated or published, file write time), as written.</summary>
    public string? Listed { get; init; }
    public string? Title { get; init; }
    public string? Published { get; init; }
    public string? Author { get; init; }
    /// <summary>The publisher's name (Google News sitemaps' news:publication, a feed's title).</summary>
    public string? Publisher { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>A child sitemap of a sitemap index, rather than a page.</summary>
    public bool IsSitemap { get; init; }

    /// <summary>The page's draft with every field it lacks taken from the listing (the page's own values win).</summary>
    public ArticleDraft Fill(ArticleDraft draft) => draft with
    {
        Title = draft.Title ?? Title,
        PublishedRaw = draft.PublishedRaw ?? Published,
        Author = draft.Author ?? Author,
        Source = draft.Source ?? Publisher,
        Url = draft.Url ?? (IsWebLocation ? Location : null),
        Tags = draft.Tags.Count > 0 ? draft.Tags : Tags,
    };

    private bool IsWebLocation => Location.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                                  || Location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}

/// <summary>What reading a listing gave: its items, or why it could not be read.</summary>
public sealed record Listing(IReadOnlyList<ListedItem> Items, string? Problem = null)
{
    public static Listing Failed(string problem) => new([], problem);
}
