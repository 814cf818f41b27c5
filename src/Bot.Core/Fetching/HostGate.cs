using System.Collections.Concurrent;

namespace Bot.Core.Fetching;

/// <summary>
/// Politeness per host: at most <see cref="FetchOptions.RequestsPerHost"/> requests in flight, and request starts at
/// least the host's delay apart (the configured delay, or the longer Crawl-delay a robots.txt asks for).
/// </summary>
internal sealed class HostGate(FetchOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Host> hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a slot and the host's turn; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = hosts.GetOrAdd(url.Authority, _ => new Host(options.RequestsPerHost));
        await host.Slots.WaitAsync(cancellationToken);
        try
        {
            TimeSpan wait;
            lock (host)
            {
                var now = time.GetUtcNow();
                var start = host.NextStart > now ? host.NextStart : now;
                host.NextStart = start + (host.Delay > options.HostDelay ? host.Delay : options.HostDelay);
                wait = start - now;
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            return new Release(host.Slots);
        }
        catch
        {
            host.Slots.Release();
            throw;
        }
    }

    /// <summary>A longer pause the host asked for in robots.txt (capped by the caller).</summary>
    public void SetDelay(Uri url, TimeSpan delay) => hosts.GetOrAdd(url.Authority, _ => new Host(options.RequestsPerHost)).Delay = delay;

    private sealed class Host(int slots)
    {
        public SemaphoreSlim Slots { get; } = new(slots, slots);
        public DateTimeOffset NextStart { get; set; }
        public TimeSpan Delay { get; set; }
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) slots.Release();
        }
    }
}
