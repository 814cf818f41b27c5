using System.Xml;
using System.Xml.Linq;
using Bot.Core.Articles.Identity;

namespace Bot.Core.Sources.Listing;

/// <summary>
/// XML sitemaps (urlset: each url's loc and lastmod, plus Google News' news:title, news:publication_date,
/// news:keywords and publication name) and sitemap indexes (sitemapindex: child sitemaps with their lastmod).
/// </summary>
public static class SitemapParser
{
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    public static Listing Parse(byte[] body, Uri sitemapUrl)
    {
        if (ListingXml.Refusal(body) is { } refusal) return Listing.Failed(refusal);
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
            document = XDocument.Load(reader);
        }
        catch (XmlException error)
        {
            return Listing.Failed($"not a readable XML sitemap: {error.Message}");
        }
        var root = document.Root!;
        var isIndex = root.Name.LocalName == "sitemapindex";
        if (!isIndex && root.Name.LocalName != "urlset")
            return Listing.Failed($"not a sitemap: the document is <{root.Name.LocalName}>, not <urlset> or <sitemapindex>");

        var items = new List<ListedItem>();
        foreach (var entry in root.Elements().Where(e => e.Name.LocalName == (isIndex ? "sitemap" : "url")))
        {
            var loc = Child(entry, "loc");
            if (loc is null || !Uri.TryCreate(sitemapUrl, loc, out var url) || UrlNormalizer.Normalize(url.AbsoluteUri) is not { } key) continue;
            var news = entry.Element(News + "news");
            items.Add(new ListedItem
            {
                Key = key,
                Location = url.AbsoluteUri,
                Listed = Child(entry, "lastmod") ?? Text(news?.Element(News + "publication_date")),
                Title = Text(news?.Element(News + "title")),
                Published = Text(news?.Element(News + "publication_date")),
                Publisher = Text(news?.Element(News + "publication")?.Element(News + "name")),
                Tags = Text(news?.Element(News + "keywords"))?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                IsSitemap = isIndex,
            });
        }
        return new Listing(items);
    }

    /// <summary>The text of a child named <paramref name="name"/> in any namespace (sitemaps in the wild vary).</summary>
    private static string? Child(XElement entry, string name) => Text(entry.Elements().FirstOrDefault(e => e.Name.LocalName == name));

    private static string? Text(XElement? element) => string.IsNullOrWhiteSpace(element?.Value) ? null : element.Value.Trim();
}
