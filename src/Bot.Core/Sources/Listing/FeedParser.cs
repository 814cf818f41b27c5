using System.Xml;
using Bot.Core.Articles.Identity;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace Bot.Core.Sources.Listing;

/// <summary>
/// RSS (0.9x, 1.0, 2.0) and Atom feeds, parsed by CodeHollow.FeedReader: each item's link, title, dates, author
/// and categories, and the feed's title as the publisher. Items without an http(s) link are left out.
/// </summary>
public static class FeedParser
{
    public static Listing Parse(byte[] body, Uri feedUrl)
    {
        if (ListingXml.Refusal(body) is { } refusal) return Listing.Failed(refusal);
        Feed feed;
        try
        {
            feed = FeedReader.ReadFromByteArray(body);
        }
        catch (Exception error) when (error is XmlException or CodeHollow.FeedReader.Parser.FeedTypeNotSupportedException
                                          or FormatException or ArgumentException or NullReferenceException)
        {
            return Listing.Failed($"not a readable RSS or Atom feed: {error.Message}");
        }
        if (feed.Type is FeedType.Unknown or FeedType.JsonFeed)
            return Listing.Failed("not an RSS or Atom feed");

        var publisher = string.IsNullOrWhiteSpace(feed.Title) ? null : feed.Title.Trim();
        var items = new List<ListedItem>();
        foreach (var item in feed.Items)
        {
            if (string.IsNullOrWhiteSpace(item.Link) || !Uri.TryCreate(feedUrl, item.Link.Trim(), out var link)
                || UrlNormalizer.Normalize(link.AbsoluteUri) is not { } key)
                continue;
            var atom = item.SpecificItem as AtomFeedItem;
            items.Add(new ListedItem
            {
                Key = key,
                Location = link.AbsoluteUri,
                Listed = atom?.UpdatedDateString ?? item.PublishingDateString,
                Title = Blank(item.Title),
                Published = Blank(atom?.PublishedDateString) ?? Blank(item.PublishingDateString),
                Author = Blank(atom?.Author?.Name) ?? Blank(item.Author) ?? Blank((item.SpecificItem as Rss20FeedItem)?.DC?.Creator),
                Publisher = publisher,
                Tags = item.Categories?.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList() ?? [],
            });
        }
        return new Listing(items);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
