namespace Bot.Channels.BotFramework.Inbound;

/// <summary>
/// A bounded memory of keys seen recently: remembers each for <c>window</c>, and at most <c>capacity</c>
/// keys (the oldest are forgotten first). Thread-safe.
/// </summary>
public sealed class RecentKeys(TimeSpan window, int capacity, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _expiry = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Expiry)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True when the key was not seen within the window (and is now remembered).</summary>
    public bool TryAdd(string key)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Forget(now);
            if (_expiry.TryGetValue(key, out var expiry) && expiry > now) return false;
            _expiry[key] = now + window;
            _order.Enqueue((key, now + window));
            return true;
        }
    }

    /// <summary>Forgets a key, e.g. when its activity could not be queued and the channel should retry it.</summary>
    public void Remove(string key)
    {
        lock (_lock) _expiry.Remove(key);
    }

    private void Forget(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && (oldest.Expiry <= now || _order.Count > capacity))
        {
            _order.Dequeue();
            // A key re-added later has a newer expiry; only the entry that matches is forgotten.
            if (_expiry.TryGetValue(oldest.Key, out var expiry) && expiry == oldest.Expiry)
                _expiry.Remove(oldest.Key);
        }
    }
}
