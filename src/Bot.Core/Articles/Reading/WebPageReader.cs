using System.Net.Http.Headers;
using System.Text;

namespace Bot.Core.Articles.Reading;

/// <summary>
/// Downloads one web page and extracts its article. Only HTML is accepted; the body is capped at
/// <see cref="ArticleLimits.MaxDownloadBytes"/> and the whole download at <see cref="ArticleLimits.DownloadTimeout"/>.
/// Every failure (status, type, size, time, network) becomes a <see cref="ReadProblem"/>.
/// </summary>
internal sealed class WebPageReader(HttpClient http, ArticleLimits limits)
{
    private static readonly string[] HtmlTypes = ["text/html", "application/xhtml+xml"];

    public async Task<ReadItem> ReadAsync(Uri url, CancellationToken cancellationToken)
    {
        var origin = url.OriginalString;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.DownloadTimeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return new ReadProblem(origin, null, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is null || !HtmlTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
                return new ReadProblem(origin, null, $"the content type is '{mediaType ?? "missing"}', not an HTML page");

            if (response.Content.Headers.ContentLength > limits.MaxDownloadBytes)
                return TooLarge(origin);
            var body = await ReadCappedAsync(response.Content, timeout.Token);
            if (body is null) return TooLarge(origin);

            var pageUri = response.RequestMessage?.RequestUri ?? url;
            return HtmlArticleExtractor.Extract(Decode(body, response.Content.Headers.ContentType), pageUri, origin);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReadProblem(origin, null,
                $"the download took longer than {limits.DownloadTimeout.TotalSeconds:0.#} s (Ingest:DownloadTimeout)");
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            return new ReadProblem(origin, null, $"the download failed: {error.Message}");
        }
    }

    private ReadProblem TooLarge(string origin) =>
        new(origin, null, $"the page is larger than {limits.MaxDownloadBytes:N0} bytes (Ingest:MaxDownloadBytes)");

    /// <summary>The body, or null as soon as it passes the limit (a missing or false Content-Length cannot get past).</summary>
    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > limits.MaxDownloadBytes) return null;
            body.Write(buffer, 0, read);
        }
        return body.ToArray();
    }

    /// <summary>The declared charset when .NET knows it, else UTF-8 (what nearly every page is).</summary>
    private static string Decode(byte[] body, MediaTypeHeaderValue? contentType)
    {
        var encoding = Encoding.UTF8;
        try
        {
            if (contentType?.CharSet is { Length: > 0 } charset) encoding = Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            // An unknown charset name: fall back to UTF-8 rather than refuse the page.
        }
        return encoding.GetString(body);
    }
}
