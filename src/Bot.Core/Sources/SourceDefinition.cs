namespace Bot.Core.Sources;

/// <summary>What a source is: an RSS/Atom feed, an XML sitemap (or sitemap index), or a watched local folder.</summary>
public enum SourceKind { Feed, Sitemap, Folder }

/// <summary>
/// A source the bot keeps in sync by itself: where it is, how often it is synced, which of its items count, and
/// how many items one sync may download or read.
/// </summary>
public sealed record SourceDefinition
{
    public required string Name { get; init; }
    public required SourceKind Kind { get; init; }
    /// <summary>The feed's or sitemap's http(s) URL, or the folder's path.</summary>
    public required string Location { get; init; }
    public required TimeSpan Interval { get; init; }
    /// <summary>URL (or, for folders, relative path) patterns an item must match; empty: every item.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];
    /// <summary>Patterns that leave an item out, even when it matches <see cref="Include"/>.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public required int MaxItems { get; init; }
    /// <summary>Where the definition lives: declared in configuration, or added at run time (and kept in the archive).</summary>
    public SourceOrigin Origin { get; init; } = SourceOrigin.Added;

    public bool IsWeb => Kind != SourceKind.Folder;
}

public enum SourceOrigin { Configuration, Added }
