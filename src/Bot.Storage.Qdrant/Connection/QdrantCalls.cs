using Bot.Core.Retrieval;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Connection;

/// <summary>
/// Runs the store's calls through Qdrant.Client, which does not retry: Unavailable, DeadlineExceeded and
/// ResourceExhausted are retried up to <see cref="QdrantOptions.MaxRetries"/> times, after the server's
/// <c>retry-after</c> trailer when it sends one (rate limiting), else an exponential backoff with jitter, every
/// wait capped by <see cref="QdrantOptions.MaxRetryDelay"/>. Every call the store makes is idempotent (fixed
/// point ids, deletes by filter, reads), so repeating one whose answer was lost does no harm. What still fails
/// becomes an <see cref="ArchiveException"/> worded for the user (<see cref="QdrantErrors"/>).
/// </summary>
internal sealed class QdrantCalls(QdrantClient client, QdrantOptions options, ILogger logger, TimeProvider time)
{
    /// <summary>Qdrant marks a full disk with this trailer; it shares ResourceExhausted with rate limiting but waiting does not help.</summary>
    private const string InsufficientStorage = "qdrant-insufficient-storage";

    public async Task<T> RunAsync<T>(string operation, Func<QdrantClient, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(client, ct);
            }
            catch (RpcException e) when (ct.IsCancellationRequested)
            {
                throw new OperationCanceledException($"Qdrant {operation} was cancelled.", e, ct);
            }
            catch (RpcException e) when (attempt < options.MaxRetries && IsRetryable(e))
            {
                var delay = RetryAfter(e) ?? Backoff(attempt);
                logger.LogWarning("Qdrant {Operation} failed ({Status}); retry {Retry} of {MaxRetries} in {Delay} ms",
                    operation, e.StatusCode, attempt + 1, options.MaxRetries, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, time, ct);
            }
            catch (RpcException e)
            {
                throw QdrantErrors.From(e, options, operation, attempt + 1);
            }
            catch (QdrantException e)
            {
                throw new ArchiveException($"Qdrant at {options.Url} could not {operation}: {e.Message}", e);
            }
        }
    }

    public Task RunAsync(string operation, Func<QdrantClient, CancellationToken, Task> call, CancellationToken ct) =>
        RunAsync(operation, async (c, t) =>
        {
            await call(c, t);
            return true;
        }, ct);

    /// <summary>The exact number of points in <paramref name="collection"/> matching <paramref name="filter"/>.</summary>
    public Task<ulong> CountAsync(string collection, Filter filter, CancellationToken ct) =>
        RunAsync("count points", (c, t) => c.CountAsync(collection, filter, exact: true, cancellationToken: t), ct);

    /// <summary>Every point of <paramref name="collection"/> matching <paramref name="filter"/>, a page at a time in id order.</summary>
    public async Task<List<RetrievedPoint>> ScrollAllAsync(string operation, string collection, Filter filter, string[] fields, CancellationToken ct)
    {
        const uint pageSize = 256;
        var all = new List<RetrievedPoint>();
        PointId? offset = null;
        do
        {
            var page = await RunAsync(operation, (c, t) => c.ScrollAsync(collection, filter, pageSize, offset, fields, cancellationToken: t), ct);
            all.AddRange(page.Result);
            offset = page.NextPageOffset;
        } while (offset is not null);
        return all;
    }

    private static bool IsRetryable(RpcException e) => e.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => true,
        StatusCode.ResourceExhausted => e.Trailers.Get(InsufficientStorage) is null,
        _ => false,
    };

    public static bool IsOutOfStorage(RpcException e) => e.Trailers.Get(InsufficientStorage) is not null;

    /// <summary>Qdrant's <c>retry-after</c>: whole seconds, rounded up.</summary>
    private TimeSpan? RetryAfter(RpcException e) =>
        e.Trailers.GetValue("retry-after") is { } text && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, options.MaxRetryDelay.TotalSeconds))
            : null;

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var jittered = exponential * (0.8 + 0.4 * Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxRetryDelay.TotalMilliseconds));
    }
}
