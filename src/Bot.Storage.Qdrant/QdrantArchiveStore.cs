using Bot.Core.Articles;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Lexical;
using Bot.Storage.Qdrant.Protocol;
using Bot.Storage.Qdrant.Reading;
using Bot.Storage.Qdrant.Searching;
using Bot.Storage.Qdrant.Setup;
using Bot.Storage.Qdrant.Transport;
using Bot.Storage.Qdrant.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Qdrant;

/// <summary>
/// The archive in a Qdrant collection, over Qdrant's REST API. Each stage lives in its own class:
/// <see cref="CollectionSetup"/> (startup checks, collection creation), <see cref="ArticleWriter"/>
/// (points, batching, replace order), <see cref="PassageSearch"/> (Query API), <see cref="ArticleLister"/>
/// and <see cref="StatsReader"/>. Thread-safe; meant to be a singleton.
/// </summary>
public sealed class QdrantArchiveStore : IArchiveStore
{
    private const int RetrieveBatch = 256;
    private readonly QdrantOptions options;
    private readonly QdrantTransport transport;
    private readonly CollectionSetup setup;
    private readonly ArticleWriter writer;
    private readonly PassageSearch search;
    private readonly ArticleLister lister;
    private readonly StatsReader stats;
    private readonly SemaphoreSlim shapeLock = new(1, 1);
    private CollectionShape? shape;

    /// <param name="http">A client from IHttpClientFactory (or any HttpClient); the store sets no defaults on it.</param>
    public QdrantArchiveStore(HttpClient http, IOptions<QdrantOptions> options, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        this.options = options.Value;
        if (this.options.Problems() is { Count: > 0 } problems)
            throw new OptionsValidationException(QdrantOptions.Section, typeof(QdrantOptions), problems);
        var loggerFactory = loggers ?? NullLoggerFactory.Instance;
        transport = new QdrantTransport(http, this.options, loggerFactory.CreateLogger<QdrantArchiveStore>(), time ?? TimeProvider.System);
        setup = new CollectionSetup(transport, this.options, loggerFactory.CreateLogger<QdrantArchiveStore>());
        writer = new ArticleWriter(transport, this.options, new PointFactory(new Bm25SparseEncoder(this.options.Bm25AverageChunkTerms)));
        search = new PassageSearch(transport, this.options);
        lister = new ArticleLister(transport, this.options);
        stats = new StatsReader(transport, this.options);
    }

    public string Description => $"qdrant {options.Url.AbsoluteUri.TrimEnd('/')}/{options.Collection}";

    public async Task InitializeAsync(EmbeddingSpace? space, CancellationToken cancellationToken = default)
    {
        var initialized = await setup.InitializeAsync(space, cancellationToken);
        await shapeLock.WaitAsync(cancellationToken);
        try { shape = initialized; }
        finally { shapeLock.Release(); }
    }

    public async Task<IReadOnlyDictionary<string, string>> GetFingerprintsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in ids.Distinct(StringComparer.Ordinal).Chunk(RetrieveBatch))
        {
            var points = await transport.RetrieveAsync(options.Collection, batch.Select(PointIds.ForArticle).ToList(),
                [PayloadKeys.ArticleId, PayloadKeys.Fingerprint], cancellationToken);
            foreach (var point in points)
                if (point.Payload is { ArticleId: { } id, Fingerprint: { } fingerprint })
                    fingerprints[id] = fingerprint;
        }
        return fingerprints;
    }

    public async Task SaveAsync(IReadOnlyList<IndexedArticle> articles, CancellationToken cancellationToken = default)
    {
        if (articles.Count == 0) return;
        var current = await ShapeAsync(cancellationToken);
        await writer.SaveAsync(articles, current.DenseDimensions, cancellationToken);
    }

    public async Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        var points = await transport.RetrieveAsync(options.Collection, [PointIds.ForArticle(id)],
            [PayloadKeys.ArticleId, PayloadKeys.Title, PayloadKeys.Text, PayloadKeys.Published, PayloadKeys.Source,
             PayloadKeys.Url, PayloadKeys.Author, PayloadKeys.Place, PayloadKeys.Tags, PayloadKeys.Fingerprint],
            cancellationToken);
        return points.Count == 0 ? null : PayloadReader.Article(points[0].Payload);
    }

    public Task<ArticlePage> ListArticlesAsync(int offset, int limit, SearchFilter? filter = null, CancellationToken cancellationToken = default) =>
        lister.ListAsync(offset, limit, filter, cancellationToken);

    /// <summary>Deletes the article point and all its chunks by filter; true when anything of the article was stored.</summary>
    public async Task<bool> DeleteArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        var ofArticle = new Filter { Must = [Conditions.Is(PayloadKeys.ArticleId, id)] };
        if (await transport.CountAsync(options.Collection, ofArticle, cancellationToken) == 0) return false;
        await transport.DeleteAsync(options.Collection, ofArticle, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<Passage>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) =>
        await search.SearchAsync(query, await ShapeAsync(cancellationToken), cancellationToken);

    public Task<ArchiveStats> GetStatsAsync(CancellationToken cancellationToken = default) => stats.ReadAsync(cancellationToken);

    /// <summary>The shape InitializeAsync found, or read once from the server when this instance skipped it.</summary>
    private async Task<CollectionShape> ShapeAsync(CancellationToken ct)
    {
        if (shape is { } known) return known;
        await shapeLock.WaitAsync(ct);
        try { return shape ??= await setup.ReadShapeAsync(ct); }
        finally { shapeLock.Release(); }
    }
}
