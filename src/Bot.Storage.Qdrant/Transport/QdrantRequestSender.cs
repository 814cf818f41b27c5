using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace Bot.Storage.Qdrant.Transport;

/// <summary>
/// Sends one request with the api-key header, a per-attempt timeout and retries. Retried: 429,
/// 502, 503, 504, timeouts, failed connections and answers broken off half way, waiting Retry-After when the server gives it,
/// else an exponential backoff with jitter. Every write the store sends is idempotent (fixed point
/// ids, deletes by filter), so a retry after a lost answer does no harm.
/// </summary>
internal sealed class QdrantRequestSender(HttpClient http, QdrantOptions options, ILogger logger, TimeProvider time)
{
    private readonly Uri baseUrl = WithTrailingSlash(options.Url);

    /// <summary>The parsed body of a 2xx answer; null for a tolerated 409 Conflict.</summary>
    public async Task<T?> SendAsync<T>(HttpMethod method, string path, JsonBody? body, JsonTypeInfo<T> type,
        CancellationToken ct, bool tolerateConflict = false)
    {
        using var response = await SendWithRetriesAsync(method, path, body, ct);
        if (tolerateConflict && response.StatusCode == HttpStatusCode.Conflict) return default;
        if (!response.IsSuccessStatusCode)
            throw await QdrantErrors.FromResponseAsync(options.Url, method, path, response, ct);
        try
        {
            // The body is already buffered (read inside the attempt's timeout); parsing it in one synchronous
            // pass is several times cheaper than the resumable async reader.
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            return JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException e)
        {
            throw QdrantErrors.Unreadable(options.Url, $"{method} /{path}", e.Message, e);
        }
    }

    /// <summary>Only the status code (health endpoints answer plain text).</summary>
    public async Task<int> SendForStatusAsync(HttpMethod method, string path, CancellationToken ct)
    {
        using var response = await SendWithRetriesAsync(method, path, null, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw await QdrantErrors.FromResponseAsync(options.Url, method, path, response, ct);
        return (int)response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpMethod method, string path, JsonBody? body, CancellationToken ct)
    {
        var operation = $"{method} /{path}";
        for (var attempt = 0; ; attempt++)
        {
            var last = attempt >= options.MaxRetries;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Timeout);
            HttpResponseMessage response;
            try
            {
                using var request = CreateRequest(method, path, body);
                // The whole body is read here, inside the attempt's timeout, so an answer that stalls or
                // breaks off half way is retried like any failed attempt.
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                if (!IsRetryable(response.StatusCode) || last) return response;
            }
            catch (HttpRequestException e) when (!ct.IsCancellationRequested)
            {
                if (last) throw QdrantErrors.Failed(options.Url, operation, attempt + 1, e);
                await WaitAsync(Backoff(attempt), operation, e.Message, attempt, ct);
                continue;
            }
            catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
            {
                // Our per-attempt timeout (or HttpClient.Timeout) fired, not the caller's token.
                if (last) throw QdrantErrors.TimedOut(options.Url, operation, options.Timeout, attempt + 1, e);
                await WaitAsync(Backoff(attempt), operation, "timed out", attempt, ct);
                continue;
            }
            var delay = RetryAfter(response) ?? Backoff(attempt);
            var reason = $"HTTP {(int)response.StatusCode}";
            response.Dispose();
            await WaitAsync(delay, operation, reason, attempt, ct);
        }
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string path, JsonBody? body)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
        if (!string.IsNullOrEmpty(options.ApiKey)) request.Headers.Add("api-key", options.ApiKey);
        if (body is not null)
            request.Content = new ReadOnlyMemoryContent(body.Memory) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return request;
    }

    private Task WaitAsync(TimeSpan delay, string operation, string reason, int attempt, CancellationToken ct)
    {
        logger.LogWarning("Qdrant {Operation} failed ({Reason}); retry {Retry} of {MaxRetries} in {Delay} ms",
            operation, reason, attempt + 1, options.MaxRetries, (int)delay.TotalMilliseconds);
        return Task.Delay(delay, time, ct);
    }

    private static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (wait is not { } w) return null;
        return w < TimeSpan.Zero ? TimeSpan.Zero : w > options.MaxRetryDelay ? options.MaxRetryDelay : w;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var jittered = exponential * (0.8 + 0.4 * Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxRetryDelay.TotalMilliseconds));
    }

    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
