namespace Bot.Storage.Qdrant.Protocol;

/// <summary>
/// The payload of every point the adapter writes. Three kinds share one collection (see
/// <see cref="PointKinds"/>); members that do not apply to a kind are left out.
/// </summary>
internal sealed record PointPayload
{
    public string? Kind { get; init; }
    public string? ArticleId { get; init; }
    public string? Title { get; init; }
    /// <summary>Serialised as RFC 3339 (ISO 8601 with offset), which Qdrant's datetime index parses.</summary>
    public DateTimeOffset? Published { get; init; }
    public string? Source { get; init; }
    /// <summary>Lower-cased <see cref="Source"/>: keyword indexes match exactly, filters ignore case.</summary>
    public string? SourceKey { get; init; }
    public string? Url { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? Author { get; init; }
    public string? Place { get; init; }
    public string? Fingerprint { get; init; }
    public int? ChunkCount { get; init; }

    // chunk points
    public string? ChunkId { get; init; }
    public int? Ordinal { get; init; }
    public int? Start { get; init; }
    public int? End { get; init; }
    /// <summary>The chunk's text on chunk points; the article's full text on article points.</summary>
    public string? Text { get; init; }
    public string? Context { get; init; }
    /// <summary>The page of a paged document's chunk (PDF); absent otherwise.</summary>
    public int? Page { get; init; }

    // the space point
    public string? ModelId { get; init; }
    public int? Dimensions { get; init; }
}

internal static class PointKinds
{
    public const string Article = "article";
    public const string Chunk = "chunk";
    public const string Space = "space";
}

/// <summary>Payload keys as stored (snake_case of <see cref="PointPayload"/>'s members).</summary>
internal static class PayloadKeys
{
    public const string Kind = "kind";
    public const string ArticleId = "article_id";
    public const string Title = "title";
    public const string Published = "published";
    public const string Source = "source";
    public const string SourceKey = "source_key";
    public const string Url = "url";
    public const string Tags = "tags";
    public const string Author = "author";
    public const string Place = "place";
    public const string Fingerprint = "fingerprint";
    public const string ChunkCount = "chunk_count";
    public const string ChunkId = "chunk_id";
    public const string Ordinal = "ordinal";
    public const string Start = "start";
    public const string End = "end";
    public const string Text = "text";
    public const string Context = "context";
    public const string Page = "page";
    public const string ModelId = "model_id";
    public const string Dimensions = "dimensions";

    /// <summary>What an <see cref="Bot.Core.Articles.ArticleSummary"/> needs.</summary>
    public static readonly IReadOnlyList<string> Summary = [ArticleId, Title, Published, Source, Url, Tags, ChunkCount];

    /// <summary>What fusing and capping a search candidate needs.</summary>
    public static readonly IReadOnlyList<string> Candidate = [ArticleId];

    /// <summary>What a <see cref="Bot.Core.Retrieval.Passage"/> needs: the summary plus the chunk.</summary>
    public static readonly IReadOnlyList<string> Passage = [.. Summary, ChunkId, Ordinal, Start, End, Text, Context, Page];
}
