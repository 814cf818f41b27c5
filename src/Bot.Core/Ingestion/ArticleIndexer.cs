using System.Security.Cryptography;
using System.Text;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;
using Microsoft.Extensions.AI;

namespace Bot.Core.Ingestion;

/// <summary>
/// The chunk → embed stages for a batch of articles: what the store saves. Its <see cref="Signature"/> joins
/// the article fingerprint, so changing the chunking or the embedder re-indexes articles on the next ingest.
/// </summary>
public sealed class ArticleIndexer
{
    private readonly Chunker chunker;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? embedder;

    public ArticleIndexer(Chunker chunker, IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
    {
        this.chunker = chunker;
        this.embedder = embedder;
        Space = embedder?.GetService<EmbeddingGeneratorMetadata>() is { } meta
            ? new EmbeddingSpace(meta.DefaultModelId ?? meta.ProviderName ?? "embedder", meta.DefaultModelDimensions ?? 0)
            : null;
        Signature = $"{chunker.Signature};{(Space is null ? "lexical" : $"{Space.ModelId}:{Space.Dimensions}")}";
    }

    /// <summary>The vector space of the configured embedder; null when retrieval is lexical only.</summary>
    public EmbeddingSpace? Space { get; }

    public string Signature { get; }

    /// <summary>The fingerprint stored with an article: its content and how it was indexed.</summary>
    public string Fingerprint(Article article) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(article.Fingerprint + "\n" + Signature)))[..32];

    public async Task<IReadOnlyList<IndexedArticle>> IndexAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        var chunked = articles.Select(a => (Article: a with { Fingerprint = Fingerprint(a) }, Chunks: chunker.Chunk(a))).ToList();
        if (embedder is null)
            return chunked.Select(x => new IndexedArticle(x.Article, x.Chunks, null)).ToList();

        var texts = chunked.SelectMany(x => x.Chunks).Select(c => c.IndexText).ToList();
        var embeddings = texts.Count == 0 ? [] : await embedder.GenerateAsync(texts, cancellationToken: cancellationToken);
        var indexed = new List<IndexedArticle>(chunked.Count);
        var next = 0;
        foreach (var (article, chunks) in chunked)
        {
            var vectors = new List<ReadOnlyMemory<float>>(chunks.Count);
            for (var i = 0; i < chunks.Count; i++) vectors.Add(embeddings[next++].Vector);
            indexed.Add(new IndexedArticle(article, chunks, vectors));
        }
        return indexed;
    }
}
