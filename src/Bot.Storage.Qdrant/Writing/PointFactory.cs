using System.Globalization;
using System.Runtime.InteropServices;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Lexical;
using Bot.Storage.Qdrant.Setup;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

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
        var vectors = new NamedVectors();
        if (indexed.Vectors.Count > 0)
        {
            var multi = new MultiDenseVector();
            foreach (var sentence in indexed.Vectors) multi.Vectors.Add(Dense(sentence));
            vectors.Vectors[VectorNames.Dense] = new Vector { MultiDense = multi };
        }
        if (bm25.EncodeDocument(chunk.Context, chunk.Text) is { } sparse)
            vectors.Vectors[VectorNames.Sparse] = Sparse(sparse);
        var point = Point(PointIds.ForChunk(chunk.Id), vectors);
        ArticleFields(point.Payload, article, chunkCount, PointKinds.Chunk);
        Set(point.Payload, PayloadKeys.Author, article.Author);
        Set(point.Payload, PayloadKeys.Place, article.Place);
        Set(point.Payload, PayloadKeys.ChunkId, chunk.Id);
        point.Payload[PayloadKeys.Ordinal] = chunk.Ordinal;
        point.Payload[PayloadKeys.Start] = chunk.Start;
        point.Payload[PayloadKeys.End] = chunk.End;
        Set(point.Payload, PayloadKeys.Text, chunk.Text);
        Set(point.Payload, PayloadKeys.Context, chunk.Context);
        if (chunk.Page is { } page) point.Payload[PayloadKeys.Page] = page;
        return point;
    }

    /// <summary>The article point: its metadata and fingerprint, and of its text only what <paramref name="chunks"/> do not hold (<see cref="ArticleText"/>).</summary>
    public static PointStruct ForArticle(Article article, IReadOnlyList<Chunk> chunks)
    {
        var point = Point(PointIds.ForArticle(article.Id), new NamedVectors());
        ArticleFields(point.Payload, article, chunks.Count, PointKinds.Article);
        Set(point.Payload, PayloadKeys.Author, article.Author);
        Set(point.Payload, PayloadKeys.Place, article.Place);
        if (ArticleText.Gaps(article.Text, chunks) is { } gaps)
        {
            point.Payload[PayloadKeys.TextLength] = article.Text.Length;
            point.Payload[PayloadKeys.TextGaps] = new Value
            {
                ListValue = new ListValue { Values = { gaps.Select(g => new Value { StructValue = new Struct { Fields =
                {
                    [PayloadKeys.Start] = g.Start, [PayloadKeys.Text] = g.Text,
                } } }) } },
            };
        }
        else point.Payload[PayloadKeys.Text] = article.Text;
        return point;
    }

    public static PointStruct ForSpace(EmbeddingSpace space)
    {
        var point = Point(PointIds.Space, new NamedVectors());
        point.Payload[PayloadKeys.Kind] = PointKinds.Space;
        point.Payload[PayloadKeys.ModelId] = space.ModelId;
        point.Payload[PayloadKeys.Dimensions] = space.Dimensions;
        return point;
    }

    /// <summary>
    /// A dense vector as Qdrant takes it, for points and queries alike. The floats are copied once, into the message:
    /// a whole backing array goes in as a collection (an upload is 50,000 of them), anything else through a span.
    /// </summary>
    public static DenseVector Dense(ReadOnlyMemory<float> values)
    {
        var vector = new DenseVector();
        if (MemoryMarshal.TryGetArray(values, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length)
            vector.Data.AddRange(segment.Array);
        else vector.Data.AddRange(values.ToArray());
        return vector;
    }

    /// <summary>A sparse vector as Qdrant takes it, for points and queries alike.</summary>
    public static Vector Sparse(SparseWeights weights) =>
        new() { Sparse = new SparseVector { Indices = { weights.Indices }, Values = { weights.Values } } };

    /// <summary>RFC 3339 with the offset, as Qdrant's datetime index parses it; fractions only when present.</summary>
    public static string Rfc3339(DateTimeOffset value) =>
        value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    // A point with no vectors still names the (empty) map: Qdrant takes that for collections of named vectors.
    private static PointStruct Point(string id, NamedVectors vectors) =>
        new() { Id = PointIds.Of(id), Vectors = new Vectors { Vectors_ = vectors } };

    private static void ArticleFields(MapField<string, Value> payload, Article article, int chunkCount, string kind)
    {
        payload[PayloadKeys.Kind] = kind;
        Set(payload, PayloadKeys.ArticleId, article.Id);
        Set(payload, PayloadKeys.Title, article.Title);
        if (article.Published is { } published) payload[PayloadKeys.Published] = Rfc3339(published);
        Set(payload, PayloadKeys.Source, article.Source);
        Set(payload, PayloadKeys.SourceKey, article.Source?.ToLowerInvariant());
        Set(payload, PayloadKeys.Url, article.Url);
        payload[PayloadKeys.Tags] = article.Tags.Select(t => t.ToLowerInvariant()).Distinct().ToArray();
        Set(payload, PayloadKeys.Fingerprint, article.Fingerprint);
        payload[PayloadKeys.ChunkCount] = chunkCount;
    }

    private static void Set(MapField<string, Value> payload, string key, string? value)
    {
        if (value is not null) payload[key] = value;
    }
}
