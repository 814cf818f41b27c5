namespace Bot.Core.Sources;

/// <summary>A source as lists and status pages show it: its definition and its state in the archive.</summary>
public sealed record SourceView(SourceDefinition Definition, SourceState State)
{
    /// <summary>Items the source has listed so far (articles of dropped items stay in the archive).</summary>
    public int ItemsSeen { get; init; }
    /// <summary>Items whose last attempt failed, with why (on the detailed view).</summary>
    public IReadOnlyList<SourceItemState> FailingItems { get; init; } = [];
    public bool Syncing { get; init; }
}
