using System.Text.Json;
using AngleSharp.Dom;

namespace Bot.Core.Articles.Reading;

/// <summary>
/// What a page says about itself in its head: publication date (meta tags, JSON-LD, &lt;time&gt;), canonical
/// URL and tags. Read before extraction, because the extractor rewrites the document.
/// </summary>
internal sealed record HtmlMetadata(string? Published, string? CanonicalUrl, IReadOnlyList<string> Tags)
{
    // Meta names publishers use for the publication date, most specific first.
    private static readonly string[] DateNames =
    [
        "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
        "publish-date", "publication_date", "sailthru.date", "parsely-pub-date", "dc.date.issued", "dc.date",
        "dcterms.issued", "dcterms.created", "dcterms.date", "date",
    ];

    public static HtmlMetadata Read(IDocument document, Uri pageUri) => new(
        FindPublished(document),
        FindCanonical(document, pageUri),
        MetaValues(document, "article:tag").Concat(MetaValues(document, "news_keywords")).ToArray());

    private static string? FindPublished(IDocument document) =>
        DateNames.Select(name => MetaValues(document, name).FirstOrDefault()).FirstOrDefault(v => v is not null)
        ?? JsonLdDatePublished(document)
        ?? document.QuerySelector("time[itemprop=datePublished][datetime], time[pubdate][datetime]")?.GetAttribute("datetime");

    private static string? FindCanonical(IDocument document, Uri pageUri)
    {
        var href = document.QuerySelector("link[rel=canonical][href]")?.GetAttribute("href")
                   ?? MetaValues(document, "og:url").FirstOrDefault();
        return href is not null && Uri.TryCreate(pageUri, href.Trim(), out var absolute) && IsWeb(absolute)
            ? absolute.AbsoluteUri
            : IsWeb(pageUri) ? pageUri.AbsoluteUri : null;
    }

    private static bool IsWeb(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>Non-empty contents of meta tags whose name, property or itemprop is <paramref name="name"/>.</summary>
    private static IEnumerable<string> MetaValues(IDocument document, string name) =>
        document.QuerySelectorAll("meta[content]")
            .Where(m => new[] { "name", "property", "itemprop" }
                .Any(a => string.Equals(m.GetAttribute(a), name, StringComparison.OrdinalIgnoreCase)))
            .Select(m => m.GetAttribute("content")!.Trim())
            .Where(v => v.Length > 0);

    private static string? JsonLdDatePublished(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true });
                if (FindDatePublished(json.RootElement) is { } date) return date;
            }
            catch (JsonException)
            {
                // Broken structured data is common on real pages; the other date sources still apply.
            }
        }
        return null;
    }

    private static string? FindDatePublished(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("datePublished", out var date)
                                  && date.ValueKind == JsonValueKind.String => date.GetString(),
        JsonValueKind.Object when element.TryGetProperty("@graph", out var graph) => FindDatePublished(graph),
        JsonValueKind.Array => element.EnumerateArray().Select(FindDatePublished).FirstOrDefault(d => d is not null),
        _ => null,
    };
}
