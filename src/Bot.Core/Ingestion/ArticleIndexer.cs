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

    private readonly IIngestMoments? moments;

    public ArticleIndexer(Chunker chunker, IEmbeddingGenerator<string, Embedding<float>>? embedder = null, IIngestMoments? moments = null)
    {
        this.chunker = chunker;
        this.embedder = embedder;
        this.moments = moments;
        Space = embedder?.GetService<EmbeddingGeneratorMetadata>() is { } meta
            ? new EmbeddingSpace(meta.DefaultModelId ?? meta.ProviderName ?? "embedder", meta.DefaultModelDimensions ?? 0)
            : null;
        Signature = $"{chunker.Signature};{(Space is null ? "lexical" : $"{Space.ModelId}:{Space.Dimensions}:sentence-vectors")}";
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
            return chunked.Select(x => IndexedArticle.Lexical(x.Article, x.Chunks)).ToList();

        // One embedding call for the whole batch: every sentence of every chunk, in order.
        var sentences = chunked.SelectMany(x => x.Chunks)
            .Select(c => SentenceSplitter.Split(c.Text).Select(s => s.Of(c.Text)).ToList())
            .ToList();
        var texts = sentences.SelectMany(s => s).ToList();
        moments?.Reached(IngestMoment.Embedding);
        var embeddings = texts.Count == 0 ? [] : await embedder.GenerateAsync(texts, cancellationToken: cancellationToken);
        var indexed = new List<IndexedArticle>(chunked.Count);
        var (chunkIndex, next) = (0, 0);
        foreach (var (article, chunks) in chunked)
        {
            var withVectors = new List<IndexedChunk>(chunks.Count);
            foreach (var chunk in chunks)
            {
                var count = sentences[chunkIndex++].Count;
                withVectors.Add(new IndexedChunk(chunk, Enumerable.Range(next, count).Select(i => embeddings[i].Vector).ToList()));
                next += count;
            }
            indexed.Add(new IndexedArticle(article, withVectors));
        }
        return indexed;
    }
}
