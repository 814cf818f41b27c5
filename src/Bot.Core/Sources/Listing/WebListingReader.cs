using Bot.Core.Articles;
using Bot.Core.Fetching;

namespace Bot.Core.Sources.Listing;

/// <summary>
/// Reads a feed's or sitemap's items: a conditional GET of the listing (a 304 ends the sync), then for a sitemap
/// index a conditional GET of each child sitemap. The validators come back for the synchronizer to store once
/// every item has been dealt with.
/// </summary>
internal sealed class WebListingReader(WebFetcher fetcher, ArticleLimits limits)
{
    public async Task<WebListing> ReadAsync(SourceDefinition source, SourceState state,
        IReadOnlyDictionary<string, SourceItemState> known, CancellationToken cancellationToken)
    {
        var url = new Uri(source.Location);
        var result = await fetcher.GetAsync(url, new FetchRequest { ETag = state.ETag, LastModified = state.LastModified, RespectRobots = true },
            cancellationToken);
        if (result is NotModified) return new WebListing([], [], null, null) { NotModified = true };
        if (result is not FetchedContent content) return WebListing.Failed(((FetchFailure)result).Reason);

        var listing = Parse(source, content);
        if (listing.Problem is not null) return WebListing.Failed(listing.Problem);
        var pages = listing.Items.Where(i => !i.IsSitemap).ToList();
        var children = new List<(ListedItem Item, string? ETag, string? LastModified, string? Error)>();
        foreach (var child in listing.Items.Where(i => i.IsSitemap))
        {
            var previous = known.GetValueOrDefault(child.Key);
            var request = previous is { Error: null }
                ? new FetchRequest { ETag = previous.ETag, LastModified = previous.LastModified, RespectRobots = true }
                : new FetchRequest { RespectRobots = true };
            switch (await fetcher.GetAsync(new Uri(child.Location), request, cancellationToken))
            {
                case NotModified:
                    children.Add((child, previous?.ETag, previous?.LastModified, null));
                    break;
                case FetchFailure failure:
                    children.Add((child, null, null, failure.Reason));
                    break;
                case FetchedContent childContent:
                    var childListing = Parse(source, childContent);
                    children.Add((child, childContent.ETag, childContent.LastModified, childListing.Problem));
                    // An index of indexes is not a sitemap the protocol allows: nested indexes are not followed.
                    pages.AddRange(childListing.Items.Where(i => !i.IsSitemap));
                    break;
            }
        }
        return new WebListing(pages, children, content.ETag, content.LastModified);
    }

    private Listing Parse(SourceDefinition source, FetchedContent content)
    {
        var body = ListingXml.Gunzip(content.Body, limits.MaxDownloadBytes);
        if (body is null) return Listing.Failed($"the unpacked sitemap is larger than {limits.MaxDownloadBytes:N0} bytes (Ingest:MaxDownloadBytes)");
        return source.Kind == SourceKind.Feed
            ? Hint(FeedParser.Parse(body, content.FinalUrl), "sitemap")
            : Hint(SitemapParser.Parse(body, content.FinalUrl), "feed");
    }

    /// <summary>A listing of the other kind is the likeliest mistake; the problem says what to do about it.</summary>
    private static Listing Hint(Listing listing, string otherKind) => listing.Problem is null
        ? listing
        : listing with { Problem = $"{listing.Problem} (if this is a {otherKind}, declare the source with kind {otherKind})" };
}

/// <summary>A web listing read: its pages, its child sitemaps with their validators, and its own validators.</summary>
internal sealed record WebListing(
    IReadOnlyList<ListedItem> Pages,
    IReadOnlyList<(ListedItem Item, string? ETag, string? LastModified, string? Error)> Children,
    string? ETag,
    string? LastModified)
{
    public bool NotModified { get; init; }
    public string? Problem { get; init; }

    public static WebListing Failed(string problem) => new([], [], null, null) { Problem = problem };
}
