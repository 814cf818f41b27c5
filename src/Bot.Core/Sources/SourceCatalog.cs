using Microsoft.Extensions.Options;

namespace Bot.Core.Sources;

/// <summary>
/// Every source: those declared in configuration (<c>Sources</c>) and those added at run time (kept in the
/// archive), each with its state. A declared source is changed or removed in configuration, not here.
/// </summary>
public sealed class SourceCatalog(ISourceStateStore store, IOptions<SourceSyncOptions> options)
{
    private readonly Lazy<IReadOnlyList<SourceDefinition>> declared = new(() => Declare(options.Value));

    /// <summary>The configuration's sources, checked; a bad entry or a repeated name is an error saying which.</summary>
    public static IReadOnlyList<SourceDefinition> Declare(SourceSyncOptions options)
    {
        var sources = options.Declared.Select(d => d.ToDefinition(options, SourceOrigin.Configuration)).ToList();
        var repeated = sources.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"Sources: the name '{repeated.Key}' is declared more than once.");
        return sources;
    }

    public async Task<IReadOnlyList<SourceView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var added = await store.GetAddedAsync(cancellationToken);
        var states = await store.GetStatesAsync(cancellationToken);
        return declared.Value.Concat(added.Where(a => !IsDeclared(a.Name)))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => new SourceView(s, states.GetValueOrDefault(s.Name) ?? SourceState.New(s.Name)))
            .ToList();
    }

    /// <summary>One source with its item count and failing items; null when there is none of that name.</summary>
    public async Task<SourceView?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var view = (await ListAsync(cancellationToken)).FirstOrDefault(s => string.Equals(s.Definition.Name, name, StringComparison.OrdinalIgnoreCase));
        if (view is null) return null;
        var items = await store.GetItemsAsync(view.Definition.Name, cancellationToken);
        return view with
        {
            ItemsSeen = items.Count,
            FailingItems = items.Values.Where(i => i.Error is not null).OrderByDescending(i => i.LastSeen).ToList(),
        };
    }

    /// <summary>Adds a run-time source; an invalid declaration or a name in use is an <see cref="ArgumentException"/> or <see cref="SourceConflictException"/>.</summary>
    public async Task<SourceDefinition> AddAsync(SourceDeclaration declaration, CancellationToken cancellationToken = default)
    {
        var source = declaration.ToDefinition(options.Value, SourceOrigin.Added);
        if (IsDeclared(source.Name) || !await store.AddAsync(source, cancellationToken))
            throw new SourceConflictException($"A source named '{source.Name}' already exists.");
        return source;
    }

    /// <summary>Forgets a run-time source (its articles stay); false when there is none of that name.</summary>
    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        if (IsDeclared(name))
            throw new SourceConflictException($"The source '{name}' is declared in configuration (Sources); remove it there.");
        return await store.RemoveAsync(name, cancellationToken);
    }

    private bool IsDeclared(string name) => declared.Value.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A source name already taken, or a declared source someone tried to remove at run time.</summary>
public sealed class SourceConflictException(string message) : InvalidOperationException(message);
