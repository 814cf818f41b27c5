using System.Collections.Concurrent;

namespace Bot.Core.Fetching;

/// <summary>
/// Each site's robots.txt, fetched once per <see cref="FetchOptions.RobotsCacheDuration"/> and shared by concurrent
/// fetches. Missing (4xx) means everything is allowed; a server error or an unreachable file means nothing is, for
/// a few minutes, as RFC 9309 asks: a crawler must not take an outage for permission.
/// </summary>
internal sealed class RobotsCache(FetchOptions options, TimeProvider time, Func<Uri, CancellationToken, Task<FetchResult>> fetch)
{
    private const int MaxRobotsBytes = 500 * 1024;
    private static readonly TimeSpan FailureRetry = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> sites = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The site's rules; a robots.txt the bot may not even fetch (a refused address) comes back as that refusal.</summary>
    public async Task<(RobotsRules Rules, string? Problem, FetchFailure? Refusal)> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        var site = url.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            var lazy = sites.GetOrAdd(site, key => new Lazy<Task<Entry>>(() => LoadAsync(new Uri(key + "/robots.txt"), cancellationToken)));
            Entry entry;
            try
            {
                entry = await lazy.Value.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The fetch that loaded it was cancelled by its own caller: load again for this one.
                sites.TryRemove(new(site, lazy));
                continue;
            }
            if (entry.Expires > time.GetUtcNow()) return (entry.Rules, entry.Problem, entry.Refusal);
            sites.TryRemove(new(site, lazy));
        }
    }

    private async Task<Entry> LoadAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        var result = await fetch(robotsUrl, cancellationToken);
        var now = time.GetUtcNow();
        return result switch
        {
            FetchedContent content => new(RobotsRules.Parse(Prefix(content), BotUserAgent.Product), null, now + options.RobotsCacheDuration),
            FetchFailure { Refused: true } refused => new(RobotsRules.DisallowAll, null, now + FailureRetry) { Refusal = refused },
            FetchFailure { Status: >= 400 and < 500 and not 429 } => new(RobotsRules.AllowAll, null, now + options.RobotsCacheDuration),
            FetchFailure failure => new(RobotsRules.DisallowAll,
                $"its robots.txt could not be read ({failure.Reason}), so nothing is fetched from the site for now", now + FailureRetry),
            _ => new(RobotsRules.AllowAll, null, now + options.RobotsCacheDuration),
        };
    }

    /// <summary>The first 500 KiB of the file, the most RFC 9309 asks a crawler to read.</summary>
    private static string Prefix(FetchedContent content)
    {
        var text = content.Text();
        return text.Length > MaxRobotsBytes ? text[..MaxRobotsBytes] : text;
    }

    private sealed record Entry(RobotsRules Rules, string? Problem, DateTimeOffset Expires)
    {
        public FetchFailure? Refusal { get; init; }
    }
}
