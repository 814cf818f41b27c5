using Bot.Core.Articles;

namespace Bot.Core.Ingestion;

/// <summary>What an ingest did: counts per outcome, and every problem with where it was found.</summary>
public sealed record IngestReport
{
    public int Added { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    /// <summary>Files, rows or URLs that could not be read or were not usable articles.</summary>
    public IReadOnlyList<ReadProblem> Problems { get; init; } = [];
    /// <summary>Articles that appeared more than once in this batch: stored once, reported here.</summary>
    public IReadOnlyList<DuplicateArticle> Duplicates { get; init; } = [];
    public int Chunks { get; init; }
    public TimeSpan Elapsed { get; init; }

    public int Failed => Problems.Count;
    public int Stored => Added + Updated;
}

/// <summary>A second copy of an article already read in the same batch.</summary>
public sealed record DuplicateArticle(string ArticleId, string Location, string FirstSeenAt);
