using Bot.Core.Articles.Reading.Pdf;
using Bot.Core.Fetching;

namespace Bot.Core.Articles.Reading;

/// <summary>
/// Downloads one web page or PDF through the <see cref="WebFetcher"/> (address guard, limits, redirects) and
/// extracts its article. Every failure (refusal, status, type, size, time, network) becomes a <see cref="ReadProblem"/>.
/// </summary>
internal sealed class WebPageReader(WebFetcher fetcher)
{
    public async Task<ReadItem> ReadAsync(Uri url, CancellationToken cancellationToken) =>
        await fetcher.GetAsync(url, cancellationToken: cancellationToken) switch
        {
            FetchedContent content => Extract(content, url.OriginalString),
            FetchFailure failure => new ReadProblem(url.OriginalString, null, failure.Reason),
            var other => new ReadProblem(url.OriginalString, null, $"unexpected answer {other.GetType().Name}"),
        };

    private static readonly string[] HtmlTypes = ["text/html", "application/xhtml+xml"];

    /// <summary>The article in downloaded content: an HTML page through readability, a PDF through PdfPig.</summary>
    public static ReadItem Extract(FetchedContent content, string origin)
    {
        var mediaType = content.MediaType;
        if (mediaType is not null && HtmlTypes.Contains(mediaType))
            return HtmlArticleExtractor.Extract(content.Text(), content.FinalUrl, origin);
        if (IsPdf(content))
            return PdfArticleExtractor.Extract(content.Body, origin);
        return new ReadProblem(origin, null, $"the content type is '{mediaType ?? "missing"}', not an HTML page or a PDF");
    }

    /// <summary>Declared as PDF, or sent as generic bytes that start like one (servers often do that for downloads).</summary>
    private static bool IsPdf(FetchedContent content) =>
        content.MediaType is "application/pdf" or "application/x-pdf"
        || (content.MediaType is null or "application/octet-stream" or "binary/octet-stream"
            && content.Body.AsSpan().StartsWith("%PDF-"u8));
}
