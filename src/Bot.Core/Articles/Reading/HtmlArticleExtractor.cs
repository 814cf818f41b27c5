using AngleSharp.Html.Parser;

namespace Bot.Core.Articles.Reading;

/// <summary>
/// Pulls the article out of an HTML page with SmartReader (Mozilla Readability): title, main text without
/// navigation and boilerplate, author and site name, plus the page's own date, canonical URL and tags.
/// Shared by .html files and downloaded pages.
/// </summary>
internal static class HtmlArticleExtractor
{
    /// <param name="html">The page.</param>
    /// <param name="pageUri">Where the page lives (a file: URI for files); relative links resolve against it.</param>
    /// <param name="origin">The path or URL reported with the draft.</param>
    public static ReadItem Extract(string html, Uri pageUri, string origin)
    {
        try
        {
            var document = new HtmlParser().ParseDocument(html);
            if (HtmlDepth.IsTooDeep(document))
                return new ReadProblem(origin, null, $"the page nests elements more than {HtmlDepth.Max} deep; it is not read");
            var metadata = HtmlMetadata.Read(document, pageUri);
            var article = new SmartReader.Reader(pageUri.AbsoluteUri, document).GetArticle();
            if (string.IsNullOrWhiteSpace(article.TextContent))
                return new ReadProblem(origin, null, "no article text found in the page");

            return new ArticleDraft(origin, null, article.TextContent)
            {
                Title = NullIfBlank(article.Title),
                PublishedRaw = metadata.Published,
                Source = NullIfBlank(article.SiteName),
                Url = metadata.CanonicalUrl,
                Author = NullIfBlank(article.Author) ?? NullIfBlank(article.Byline),
                Tags = metadata.Tags,
            };
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The extractor is third-party code fed arbitrary markup; one bad page must not stop an ingest.
            return new ReadProblem(origin, null, $"the page could not be extracted: {error.Message}");
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
