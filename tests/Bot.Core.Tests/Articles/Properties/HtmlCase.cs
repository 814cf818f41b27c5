using System.Net;

namespace Bot.Core.Tests.Articles.Properties;

/// <summary>A saved news page: head metadata, navigation, the article in paragraphs.</summary>
public sealed class HtmlCase : ReaderCase
{
    public override string Extension => ".html";

    // Extraction keeps what reads as the article (Readability), so text and title are only checked not to crash it.
    public override bool KeepsText => false;
    public override bool KeepsTitle => false;

    public override IReadOnlyList<string> SyntaxFragments =>
    [
        "<div>", "</div>", "<p>", "</p>", "<b>", "<table><tr><td>", "<!--", "-->", "<![CDATA[", "]]>", "<script>", "</script>",
        "<noscript><img src=x></noscript>", "<meta property=\"article:published_time\" content=\"", "<link rel=canonical href=\"",
        "<script type=\"application/ld+json\">{\"datePublished\": ", "<time itemprop=datePublished datetime=\"", "&", "&#x", "\"", "'", ">",
    ];

    public override byte[] Write(IReadOnlyList<GeneratedArticle> articles)
    {
        var a = articles[0];
        var paragraphs = string.Concat(a.Text.Split('\n').Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));
        return Utf8($"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(a.Title)}</title>
            <meta property="article:published_time" content="{WebUtility.HtmlEncode(a.Date)}">
            </head><body><nav><a href="/">Home</a></nav>
            <article><h1>{WebUtility.HtmlEncode(a.Title)}</h1>
            {paragraphs}</article><footer>Copyright</footer></body></html>
            """);
    }
}
