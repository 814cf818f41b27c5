using System.Collections.Concurrent;

namespace Bot.Core.Sources;

/// <summary>
/// Runs syncs so that each source is synced once at a time, whoever asks (the schedule, "sync now", the CLI in
/// the same process): a second request while one runs is told so instead of starting another.
/// </summary>
public sealed class SourceSyncRunner(SourceCatalog catalog, SourceSynchronizer synchronizer)
{
    private readonly ConcurrentDictionary<string, byte> running = new(StringComparer.OrdinalIgnoreCase);

    public bool IsSyncing(string name) => running.ContainsKey(name);

    /// <summary>The sync's report, or null when the source is already being synced; unknown names are an <see cref="ArgumentException"/>.</summary>
    public async Task<SyncReport?> TrySyncAsync(string name, CancellationToken cancellationToken = default)
    {
        var view = await catalog.GetAsync(name, cancellationToken) ?? throw new ArgumentException($"No source named '{name}'.");
        return await TrySyncAsync(view.Definition, cancellationToken);
    }

    public async Task<SyncReport?> TrySyncAsync(SourceDefinition source, CancellationToken cancellationToken = default)
    {
        if (!running.TryAdd(source.Name, 0)) return null;
        try
        {
            return await synchronizer.SyncAsync(source, cancellationToken);
        }
        finally
        {
            running.TryRemove(source.Name, out _);
        }
    }
}
