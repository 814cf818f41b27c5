namespace Bot.Core.Sources;

/// <summary>
/// What the archive remembers about a source between syncs (and restarts): when it was synced, the listing's
/// validators for a conditional GET, when it is due next, and how its syncs have gone.
/// </summary>
public sealed record SourceState
{
    public required string Name { get; init; }
    public DateTimeOffset? LastStarted { get; init; }
    public DateTimeOffset? LastFinished { get; init; }
    public DateTimeOffset? LastSucceeded { get; init; }
    /// <summary>When the schedule syncs it next (interval with jitter, drawn once when a sync ends).</summary>
    public DateTimeOffset? NextDue { get; init; }
    /// <summary>The feed's or sitemap's ETag and Last-Modified, stored only after a sync has gone through all its items.</summary>
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public int ConsecutiveFailures { get; init; }
    public string? LastError { get; init; }
    public SyncCounts? LastCounts { get; init; }

    public static SourceState New(string name) => new() { Name = name };
}

/// <summary>What one sync did with the items it listed.</summary>
public sealed record SyncCounts
{
    /// <summary>Items the listing names (after include/exclude).</summary>
    public int Listed { get; init; }
    public int Added { get; init; }
    public int Updated { get; init; }
    /// <summary>Downloaded or read, and the same as stored (fingerprints).</summary>
    public int Unchanged { get; init; }
    /// <summary>The server answered 304, or the sitemap's lastmod or the file had not changed: nothing downloaded or read.</summary>
    public int NotModified { get; init; }
    public int Failed { get; init; }
    /// <summary>Left for a later sync by MaxItems.</summary>
    public int Deferred { get; init; }

    public SyncCounts Plus(SyncCounts other) => new()
    {
        Listed = Listed + other.Listed, Added = Added + other.Added, Updated = Updated + other.Updated,
        Unchanged = Unchanged + other.Unchanged, NotModified = NotModified + other.NotModified,
        Failed = Failed + other.Failed, Deferred = Deferred + other.Deferred,
    };
}

/// <summary>
/// One item a source has listed (a page, a child sitemap or a file): its validators, when it was seen, and its
/// last failure. Items that drop out of a listing keep their row, as their articles stay in the archive.
/// </summary>
public sealed record SourceItemState
{
    /// <summary>The item's URL, or a folder file's path.</summary>
    public required string Key { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    /// <summary>The date the listing gave it (sitemap lastmod, feed updated or published), as written.</summary>
    public string? Listed { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastSeen { get; init; }
    /// <summary>Why its last attempt failed; null when it went in.</summary>
    public string? Error { get; init; }
    public int Failures { get; init; }
}
