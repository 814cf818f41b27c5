using System.Globalization;
using Bot.Core.Analysis;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Lexical;
using Bot.Storage.Qdrant.Setup;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Writing;

/// <summary>
/// Builds the points of an article. Storage layout: one point per chunk (dense + BM25 vectors, the
/// chunk text and its article's metadata, so a search hit maps to a Passage without a second read and
/// filters apply to chunks directly) and one vector-less point per article (kind "article") holding its
/// metadata and what of its text the chunks do not hold. A separate article point, rather than the metadata on
/// chunk 0 alone, gives GetArticle, fingerprints and listing a single point per article to read, and
/// lets that point act as the commit marker of a save (see <see cref="ArticleWriter"/>).
/// </summary>
internal sealed class PointFactory(Bm25SparseEncoder bm25)
{
    /// <summary>
    /// The chunk points of an article without their dense vectors, which <see cref="DenseVectorPool"/> puts in just before a
    /// batch is sent. The article's fields are formatted once and their values shared by its chunk points.
    /// </summary>
    public List<PointStruct> ForChunks(IndexedArticle indexed)
    {
        var (article, chunks) = indexed;
        var shared = new MapField<string, Value>();
        ArticleFields(shared, article, chunks.Count, PointKinds.Chunk);
        Set(shared, PayloadKeys.Author, article.Author);
        Set(shared, PayloadKeys.Place, article.Place);
        var (context, contextTerms) = ("", (IReadOnlyList<string>)[]);
        var points = new List<PointStruct>(chunks.Count);
        foreach (var (chunk, _) in chunks)
        {
            // Every chunk of an article shares its context line: analysed once.
            if (chunk.Context != context) (context, contextTerms) = (chunk.Context, TextAnalyzer.Terms(chunk.Context));
            var vectors = new NamedVectors();
            if (bm25.EncodeDocument(contextTerms, TextAnalyzer.Terms(chunk.Text)) is { } sparse)
                vectors.Vectors[VectorNames.Sparse] = Sparse(sparse);
            var point = Point(PointIds.ForChunk(chunk.Id), vectors);
            point.Payload.Add(shared);
            Set(point.Payload, PayloadKeys.ChunkId, chunk.Id);
            point.Payload[PayloadKeys.Ordinal] = chunk.Ordinal;
            point.Payload[PayloadKeys.Start] = chunk.Start;
            point.Payload[PayloadKeys.End] = chunk.End;
            Set(point.Payload, PayloadKeys.Text, chunk.Text);
            Set(point.Payload, PayloadKeys.Context, chunk.Context);
            if (chunk.Page is { } page) point.Payload[PayloadKeys.Page] = page;
            points.Add(point);
        }
        return points;
    }

    /// <summary>The article point: its metadata and fingerprint, and of its text only what <paramref name="chunks"/> do not hold (<see cref="ArticleText"/>).</summary>
    public static PointStruct ForArticle(Article article, IReadOnlyList<Chunk> chunks)
    {
        var point = Point(PointIds.ForArticle(article.Id), new NamedVectors());
        ArticleFields(point.Payload, article, chunks.Count, PointKinds.Article);
        Set(point.Payload, PayloadKeys.Author, article.Author);
        Set(point.Payload, PayloadKeys.Place, article.Place);
        if (article.PageStarts.Count > 0) point.Payload[PayloadKeys.PageStarts] = article.PageStarts.Select(s => (Value)s).ToArray();
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

    /// <summary>A dense vector as Qdrant takes it (a query's), the floats copied once, into the message.</summary>
    public static DenseVector Dense(ReadOnlyMemory<float> values)
    {
        var vector = new DenseVector();
        vector.Data.AddRange(values.Span);
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
