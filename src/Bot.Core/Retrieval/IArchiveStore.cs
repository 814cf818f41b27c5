using Bot.Core.Articles;
using Bot.Core.Chunking;

namespace Bot.Core.Retrieval;

/// <summary>
/// The port every archive store implements (embedded SQLite, Qdrant). All stores share one
/// behavioural test suite, so they keep the same semantics.
/// </summary>
public interface IArchiveStore
{
    /// <summary>Human-readable location, e.g. "sqlite ./data/archive.db" or "qdrant http://host:6333/news".</summary>
    string Description { get; }

    /// <summary>
    /// Creates the schema or collection when missing and checks that an existing one fits
    /// <paramref name="space"/> (null: lexical only). Throws <see cref="ArchiveException"/> when it does not.
    /// </summary>
    Task InitializeAsync(EmbeddingSpace? space, CancellationToken cancellationToken = default);

    /// <summary>Fingerprints of the stored articles among <paramref name="ids"/>; absent ids are not stored.</summary>
    Task<IReadOnlyDictionary<string, string>> GetFingerprintsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores each article with its chunks, replacing any earlier version of it. Each article is
    /// replaced atomically: a reader sees the old chunks or the new ones, never a mix.
    /// </summary>
    Task SaveAsync(IReadOnlyList<IndexedArticle> articles, CancellationToken cancellationToken = default);

    Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Articles newest first (undated last), then by title.</summary>
    Task<ArticlePage> ListArticlesAsync(int offset, int limit, SearchFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the article and its chunks; false when it was not there.</summary>
    Task<bool> DeleteArticleAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Passage>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    Task<ArchiveStats> GetStatsAsync(CancellationToken cancellationToken = default);
}

/// <summary>The embedding model behind stored vectors; vectors of different spaces never mix.</summary>
public sealed record EmbeddingSpace(string ModelId, int Dimensions);

/// <summary>An article ready to store, with its chunks.</summary>
public sealed record IndexedArticle(Article Article, IReadOnlyList<IndexedChunk> Chunks)
{
    /// <summary>An article indexed for lexical retrieval only.</summary>
    public static IndexedArticle Lexical(Article article, IEnumerable<Chunk> chunks) =>
        new(article, chunks.Select(c => new IndexedChunk(c, [])).ToList());
}

/// <summary>
/// A chunk and, when an embedder is configured, one vector per sentence. Dense search scores a chunk by its
/// best-matching sentence: a sentence encoder sees a question's answer sentence far better than a whole chunk
/// (SQuAD-half: recall@1 0.54 against 0.40 for one truncated vector per chunk).
/// </summary>
public sealed record IndexedChunk(Chunk Chunk, IReadOnlyList<ReadOnlyMemory<float>> Vectors);

public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, int Total);

public sealed record ArchiveStats(
    long Articles,
    long Chunks,
    long ChunksWithVectors,
    long BytesOnDisk,
    EmbeddingSpace? Space,
    IReadOnlyDictionary<string, string> Details);

/// <summary>A store problem worth showing to a user as is (unknown collection, wrong key, incompatible vectors...).</summary>
public sealed class ArchiveException(string message, Exception? inner = null) : Exception(message, inner);
