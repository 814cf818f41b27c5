using System.Globalization;
using System.Security;

namespace Bot.Testing;

/// <summary>Feeds, sitemaps and story pages as news sites publish them, for the source tests.</summary>
public static class NewsFeeds
{
    public sealed record Item(string Url, string Title, DateTimeOffset Published, string? Author = null, params string[] Categories);

    public static string Rss(string title, IEnumerable<Item> items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>{Escape(title)}</title><link>https://wire.example/</link><description>Test wire</description>
        {string.Concat(items.Select(i => $"""
            <item><title>{Escape(i.Title)}</title><link>{Escape(i.Url)}</link><guid>{Escape(i.Url)}</guid>
            <pubDate>{i.Published.ToString("R", CultureInfo.InvariantCulture)}</pubDate>
            {(i.Author is null ? "" : $"<dc:creator>{Escape(i.Author)}</dc:creator>")}
            {string.Concat(i.Categories.Select(c => $"<category>{Escape(c)}</category>"))}</item>
            """))}
        </channel></rss>
        """;

    public static string Atom(string title, IEnumerable<Item> items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>{Escape(title)}</title><id>urn:test:feed</id>
        <updated>2019-06-03T08:00:00Z</updated>
        {string.Concat(items.Select(i => $"""
            <entry><title>{Escape(i.Title)}</title><link rel="alternate" href="{Escape(i.Url)}"/><id>{Escape(i.Url)}</id>
            <published>{i.Published:yyyy-MM-ddTHH:mm:ssZ}</published><updated>{i.Published:yyyy-MM-ddTHH:mm:ssZ}</updated>
            {(i.Author is null ? "" : $"<author><name>{Escape(i.Author)}</name></author>")}
            {string.Concat(i.Categories.Select(c => $"<category term=\"{Escape(c)}\"/>"))}</entry>
            """))}
        </feed>
        """;

    /// <summary>A Google News sitemap: each url with lastmod, and news:title, news:publication_date and the publication's name.</summary>
    public static string NewsSitemap(string publication, IEnumerable<(Item Item, DateTimeOffset LastModified)> urls) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        {string.Concat(urls.Select(u => $"""
            <url><loc>{Escape(u.Item.Url)}</loc><lastmod>{u.LastModified:yyyy-MM-ddTHH:mm:ssZ}</lastmod>
            <news:news><news:publication><news:name>{Escape(publication)}</news:name><news:language>en</news:language></news:publication>
            <news:publication_date>{u.Item.Published:yyyy-MM-ddTHH:mm:ssZ}</news:publication_date>
            <news:title>{Escape(u.Item.Title)}</news:title></news:news></url>
            """))}
        </urlset>
        """;

    public static string SitemapIndex(IEnumerable<(string Url, DateTimeOffset LastModified)> sitemaps) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        {string.Concat(sitemaps.Select(s => $"<sitemap><loc>{Escape(s.Url)}</loc><lastmod>{s.LastModified:yyyy-MM-ddTHH:mm:ssZ}</lastmod></sitemap>"))}
        </sitemapindex>
        """;

    /// <summary>A story page with readable text and no metadata of its own beyond its title, so the listing fills the rest.</summary>
    public static string Story(string title, string text) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{Escape(title)}</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>{Escape(title)}</h1>
        {string.Concat(text.Split('\n').Select(p => $"<p>{Escape(p)}</p>"))}
        </article><footer>Copyright Test Wire.</footer></body></html>
        """;

    /// <summary>Two paragraphs about harbour <paramref name="n"/>: distinct text per story, long enough for readability.</summary>
    public static string StoryText(int n, string detail = "after a two-year refit") =>
        $"KALMORA (Test Wire) - Harbour crane number {n} returned to service on Monday {detail}, the port authority said.\n" +
        $"The work on crane {n} cost {n + 10} million euros and was paid for by a regional fund, according to the harbour master.";

    private static string Escape(string value) => SecurityElement.Escape(value);
}
