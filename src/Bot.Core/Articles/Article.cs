namespace Bot.Core.Articles;

/// <summary>A stored news article: repaired text plus the metadata shown with every citation.</summary>
public sealed record Article
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset? Published { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public string? Author { get; init; }
    /// <summary>Place from the dateline ("NIAMEY (Reuters) - ..." gives "Niamey").</summary>
    public string? Place { get; init; }
    /// <summary>Subject and tags, lower-case, as filters see them.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Where each page begins in <see cref="Text"/> (page 1 at 0) for paged documents (PDF); empty otherwise.</summary>
    public IReadOnlyList<int> PageStarts { get; init; } = [];
    /// <summary>Hash of everything stored for the article; an unchanged hash means re-ingest has nothing to do.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The 1-based page holding text offset <paramref name="offset"/>; null when the article has no pages.</summary>
    public int? PageAt(int offset)
    {
        if (PageStarts.Count == 0) return null;
        var page = 0;
        // The last page starting at or before the offset: an empty page shares its start with the next one.
        while (page + 1 < PageStarts.Count && PageStarts[page + 1] <= offset) page++;
        return page + 1;
    }

    public ArticleSummary Summary(int chunkCount = 0) =>
        new(Id, Title, Published, Source, Url, Tags, chunkCount);
}

/// <summary>An article without its text: what lists, passages and citations carry.</summary>
public sealed record ArticleSummary(
    string Id,
    string Title,
    DateTimeOffset? Published,
    string? Source,
    string? Url,
    IReadOnlyList<string> Tags,
    int ChunkCount = 0);
