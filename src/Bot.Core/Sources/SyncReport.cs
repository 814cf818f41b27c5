namespace Bot.Core.Sources;

/// <summary>What one sync of a source did: counts, each item's problem, and the source's own error if it failed.</summary>
public sealed record SyncReport
{
    public required string Source { get; init; }
    public required DateTimeOffset Started { get; init; }
    public TimeSpan Elapsed { get; init; }
    public SyncCounts Counts { get; init; } = new();
    /// <summary>The feed or sitemap answered 304: nothing else was downloaded.</summary>
    public bool ListingNotModified { get; init; }
    /// <summary>Items (or rows of an item) that could not be ingested, with why.</summary>
    public IReadOnlyList<SyncProblem> Problems { get; init; } = [];
    /// <summary>Why the sync as a whole failed (listing unreadable, every item failed); null when it went through.</summary>
    public string? Error { get; init; }

    public bool Succeeded => Error is null;
}

public sealed record SyncProblem(string Location, string Reason);
