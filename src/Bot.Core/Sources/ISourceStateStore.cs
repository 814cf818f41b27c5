namespace Bot.Core.Sources;

/// <summary>
/// The port that keeps sources in the archive: the definitions added at run time, each source's state, and the
/// items it has listed. The embedded store keeps them in SQLite tables beside the articles.
/// </summary>
public interface ISourceStateStore
{
    Task<IReadOnlyList<SourceDefinition>> GetAddedAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a run-time source; false when one of that name exists.</summary>
    Task<bool> AddAsync(SourceDefinition source, CancellationToken cancellationToken = default);

    /// <summary>Forgets a source: its definition (when added at run time), state and items, never its articles.</summary>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, SourceState>> GetStatesAsync(CancellationToken cancellationToken = default);

    Task SaveStateAsync(SourceState state, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, SourceItemState>> GetItemsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the given items of the source in one transaction.</summary>
    Task SaveItemsAsync(string name, IReadOnlyCollection<SourceItemState> items, CancellationToken cancellationToken = default);
}
