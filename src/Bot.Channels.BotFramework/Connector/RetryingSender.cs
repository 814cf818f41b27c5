using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Connector;

/// <summary>
/// Sends a request again when the service is throttling (429) or briefly failing (5xx, network error),
/// waiting as long as its Retry-After asks, else backing off exponentially.
/// </summary>
public sealed class RetryingSender(IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<RetryingSender> logger)
{
    private readonly BotFrameworkOptions _options = options.Value;

    /// <summary>
    /// The final response (success, a non-transient failure, or the last attempt); the caller disposes it.
    /// A service that stays unreachable or silent ends in a <see cref="ConnectorException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, _options.MaxSendAttempts);
        for (var attempt = 1; ; attempt++)
        {
            using var request = createRequest();
            TimeSpan delay;
            try
            {
                var response = await client.SendAsync(request, cancellationToken);
                if (!IsTransient(response.StatusCode) || attempt >= attempts)
                    return response;
                delay = RetryDelay(response.Headers.RetryAfter, attempt, time.GetUtcNow());
                logger.LogWarning("{Method} {Uri} answered {Status}; retrying in {Delay} (attempt {Attempt}/{Attempts})",
                    request.Method, request.RequestUri, (int)response.StatusCode, delay, attempt, attempts);
                response.Dispose();
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt >= attempts)
                    throw new ConnectorException($"{request.Method} {request.RequestUri} failed after {attempts} attempts: {ex.Message}", inner: ex);
                delay = RetryDelay(null, attempt, time.GetUtcNow());
                logger.LogWarning(ex, "{Method} {Uri} failed; retrying in {Delay} (attempt {Attempt}/{Attempts})",
                    request.Method, request.RequestUri, delay, attempt, attempts);
            }
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The service's Retry-After (seconds or a date), capped; else base × 2^(attempt-1).</summary>
    public TimeSpan RetryDelay(RetryConditionHeaderValue? retryAfter, int attempt, DateTimeOffset now)
    {
        var asked = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        var delay = asked ?? _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
    }
}
