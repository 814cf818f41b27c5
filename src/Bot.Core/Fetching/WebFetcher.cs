using System.Net;
using System.Net.Http.Headers;
using Bot.Core.Articles;
using Microsoft.Extensions.Options;

namespace Bot.Core.Fetching;

/// <summary>
/// Every download the bot makes goes through here: only http(s), only addresses the <see cref="AddressPolicy"/>
/// allows (checked at connect time, so also after every redirect), redirects followed up to
/// <see cref="FetchOptions.MaxRedirects"/>, the body capped at <see cref="ArticleLimits.MaxDownloadBytes"/> and the
/// whole fetch at <see cref="ArticleLimits.DownloadTimeout"/>, a User-Agent naming the bot, per-host politeness,
/// conditional GETs, and robots.txt when the request asks for it. Failures are results, never exceptions.
/// </summary>
public sealed class WebFetcher : IDisposable
{
    private readonly HttpClient http;
    private readonly ArticleLimits limits;
    private readonly FetchOptions options;
    private readonly HostGate gate;
    private readonly RobotsCache robots;

    public WebFetcher(IOptions<ArticleLimits> limits, IOptions<FetchOptions> options, TimeProvider? time = null)
        : this(limits.Value, options.Value, time ?? TimeProvider.System)
    {
    }

    public WebFetcher(ArticleLimits limits, FetchOptions options, TimeProvider time)
    {
        options.Validate();
        (this.limits, this.options) = (limits, options);
        http = new HttpClient(GuardedConnector.CreateHandler(new AddressPolicy(options.AllowedHosts)))
        {
            // The fetch's own deadline (DownloadTimeout) applies, not HttpClient's.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(BotUserAgent.Value);
        gate = new HostGate(options, time);
        robots = new RobotsCache(options, time, (url, ct) => FetchAsync(url, FetchRequest.Plain, ct));
    }

    public async Task<FetchResult> GetAsync(Uri url, FetchRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= FetchRequest.Plain;
        if (!IsWeb(url)) return new FetchFailure(url, "refused: not an http or https URL", Refused: true);
        if (request.RespectRobots && await RobotsRefusal(url, cancellationToken) is { } refusal) return refusal;
        return await FetchAsync(url, request, cancellationToken);
    }

    private async Task<FetchFailure?> RobotsRefusal(Uri url, CancellationToken cancellationToken)
    {
        var (rules, problem, refusal) = await robots.GetAsync(url, cancellationToken);
        if (refusal is not null) return refusal with { Url = url };
        if (rules.CrawlDelay is { } delay) gate.SetDelay(url, delay < MaxCrawlDelay ? delay : MaxCrawlDelay);
        if (rules.Allows(url)) return null;
        return new FetchFailure(url, problem is null
            ? $"robots.txt of {url.Authority} disallows {url.PathAndQuery} for {BotUserAgent.Product}"
            : $"{url.Authority}: {problem}");
    }

    /// <summary>A Crawl-delay longer than this is taken as this: a sync must still end.</summary>
    private static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromSeconds(30);

    private async Task<FetchResult> FetchAsync(Uri url, FetchRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.DownloadTimeout);
        var current = url;
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (redirects > 0 && request.RespectRobots && await RobotsRefusal(current, timeout.Token) is { } refusal)
                    return refusal with { Url = url };
                using var slot = await gate.EnterAsync(current, timeout.Token);
                using var message = Request(current, request);
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (redirects >= options.MaxRedirects)
                        return new FetchFailure(url, $"more than {options.MaxRedirects} redirects (Ingest:MaxRedirects)");
                    var next = new Uri(current, location);
                    if (!IsWeb(next)) return new FetchFailure(url, $"refused: redirected to {next}, which is not an http or https URL", Refused: true);
                    current = next;
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.NotModified) return new NotModified(url);
                if (!response.IsSuccessStatusCode)
                    return new FetchFailure(url, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}") { Status = (int)response.StatusCode };
                if (response.Content.Headers.ContentLength > limits.MaxDownloadBytes) return TooLarge(url);
                var body = await ReadCappedAsync(response.Content, timeout.Token);
                if (body is null) return TooLarge(url);
                return new FetchedContent(url, current, body, response.Content.Headers.ContentType,
                    response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchFailure(url, $"the download took longer than {limits.DownloadTimeout.TotalSeconds:0.#} s (Ingest:DownloadTimeout)");
        }
        catch (HttpRequestException error) when (Refusal(error) is { } refused)
        {
            return new FetchFailure(url, $"refused: {refused.Message}", Refused: true);
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            return new FetchFailure(url, $"the download failed: {error.Message}");
        }
    }

    private static HttpRequestMessage Request(Uri url, FetchRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        if (request.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) message.Headers.IfNoneMatch.Add(tag);
        if (request.LastModified is { } modified && DateTimeOffset.TryParse(modified, out var since)) message.Headers.IfModifiedSince = since;
        return message;
    }

    private static FetchRefusedException? Refusal(Exception error) =>
        error as FetchRefusedException ?? (error.InnerException is { } inner ? Refusal(inner) : null);

    private static bool IsWeb(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private FetchFailure TooLarge(Uri url) =>
        new(url, $"the page is larger than {limits.MaxDownloadBytes:N0} bytes (Ingest:MaxDownloadBytes)");

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

    public void Dispose() => http.Dispose();
}
