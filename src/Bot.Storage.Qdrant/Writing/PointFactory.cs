using Bot.Core.Articles;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Lexical;
using Bot.Storage.Qdrant.Protocol;

namespace Bot.Storage.Qdrant.Writing;

/// <summary>
/// Builds the points of an article. Storage layout: one point per chunk (dense + BM25 vectors, the
/// chunk text and its article's metadata, so a search hit maps to a Passage without a second read and
/// filters apply to chunks directly) and one vector-less point per article (kind "article") holding the
/// full original text. A separate article point, rather than the full text on chunk 0, keeps search
/// payloads small, gives GetArticle, fingerprints and listing a single point per article to read, and
/// lets that point act as the commit marker of a save (see <see cref="ArticleWriter"/>).
/// </summary>
internal sealed class PointFactory(Bm25SparseEncoder bm25)
{
    public PointStruct ForChunk(Article article, IndexedChunk indexed, int chunkCount)
    {
        var chunk = indexed.Chunk;
        return new(PointIds.ForChunk(chunk.Id),
            new NamedVectors { Dense = indexed.Vectors.Count == 0 ? null : indexed.Vectors, Bm25 = bm25.EncodeDocument(chunk.Context, chunk.Text) },
            ArticleFields(article, chunkCount, PointKinds.Chunk) with
            {
                ChunkId = chunk.Id,
                Ordinal = chunk.Ordinal,
                Start = chunk.Start,
                End = chunk.End,
                Text = chunk.Text,
                Context = chunk.Context,
                Page = chunk.Page,
            });
    }

    public static PointStruct ForArticle(Article article, int chunkCount) =>
        new(PointIds.ForArticle(article.Id), NamedVectors.None,
            ArticleFields(article, chunkCount, PointKinds.Article) with
            {
                Author = article.Author,
                Place = article.Place,
                Text = article.Text,
            });

    public static PointStruct ForSpace(EmbeddingSpace space) =>
        new(PointIds.Space, NamedVectors.None,
            new PointPayload { Kind = PointKinds.Space, ModelId = space.ModelId, Dimensions = space.Dimensions });

    private static PointPayload ArticleFields(Article article, int chunkCount, string kind) => new()
    {
        Kind = kind,
        ArticleId = article.Id,
        Title = article.Title,
        Published = article.Published,
        Source = article.Source,
        SourceKey = article.Source?.ToLowerInvariant(),
        Url = article.Url,
        Tags = article.Tags.Select(t => t.ToLowerInvariant()).Distinct().ToList(),
        Author = kind == PointKinds.Chunk ? article.Author : null,
        Place = kind == PointKinds.Chunk ? article.Place : null,
        Fingerprint = article.Fingerprint,
        ChunkCount = chunkCount,
    };
}
