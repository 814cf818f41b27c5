using Bot.Core.Articles;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Connection;
using Bot.Storage.Qdrant.Lexical;
using Bot.Storage.Qdrant.Reading;
using Bot.Storage.Qdrant.Searching;
using Bot.Storage.Qdrant.Setup;
using Bot.Storage.Qdrant.Writing;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Bot.Storage.Qdrant;

/// <summary>
/// The archive in a Qdrant collection, over Qdrant's gRPC API through Qdrant.Client. Each stage lives in its own
/// class: <see cref="CollectionSetup"/> (startup checks, collection creation), <see cref="ArticleWriter"/>
/// (points, batching, replace order), <see cref="PassageSearch"/> (Query API), <see cref="ArticleReader"/>, <see cref="ArticleLister"/>
/// and <see cref="StatsReader"/>; <see cref="QdrantCalls"/> retries and translates errors for all of them.
/// Thread-safe; meant to be a singleton, which owns its channel.
/// </summary>
public sealed class QdrantArchiveStore : IArchiveStore, IDisposable
{
    private const int RetrieveBatch = 256;
    private readonly QdrantOptions options;
    private readonly GrpcChannel channel;
    private readonly QdrantCalls calls;
    private readonly CollectionSetup setup;
    private readonly ArticleWriter writer;
    private readonly PassageSearch search;
    private readonly ArticleReader reader;
    private readonly ArticleLister lister;
    private readonly StatsReader stats;
    private readonly SemaphoreSlim shapeLock = new(1, 1);
    private CollectionShape? shape;

    public QdrantArchiveStore(IOptions<QdrantOptions> options, ILoggerFactory? loggers = null, TimeProvider? time = null)
        : this(options, loggers, time, handler: null)
    {
    }

    /// <param name="handler">Replaces the pooled HTTP/2 handler the store builds (certificate checks in tests, in-process benchmarks).</param>
    internal QdrantArchiveStore(IOptions<QdrantOptions> options, ILoggerFactory? loggers, TimeProvider? time, HttpMessageHandler? handler)
    {
        this.options = options.Value;
        if (this.options.Problems() is { Count: > 0 } problems)
            throw new OptionsValidationException(QdrantOptions.Section, typeof(QdrantOptions), problems);
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<QdrantArchiveStore>();
        channel = QdrantConnection.Create(this.options, handler);
        calls = new QdrantCalls(QdrantConnection.CreateClient(channel, this.options), this.options, logger, time ?? TimeProvider.System);
        setup = new CollectionSetup(calls, this.options, logger);
        writer = new ArticleWriter(calls, this.options, new PointFactory(new Bm25SparseEncoder(this.options.Bm25AverageChunkTerms)));
        search = new PassageSearch(calls, this.options);
        reader = new ArticleReader(calls, this.options);
        lister = new ArticleLister(calls, this.options);
        stats = new StatsReader(calls, this.options, setup);
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
            var points = await RetrieveAsync("read fingerprints", batch.Select(PointIds.ForArticle), [PayloadKeys.ArticleId, PayloadKeys.Fingerprint], cancellationToken);
            foreach (var point in points)
                if (PayloadReader.OptionalText(point.Payload, PayloadKeys.ArticleId) is { } id
                    && PayloadReader.OptionalText(point.Payload, PayloadKeys.Fingerprint) is { } fingerprint)
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

    public Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default) => reader.ReadAsync(id, cancellationToken);

    public Task<ArticlePage> ListArticlesAsync(int offset, int limit, SearchFilter? filter = null, CancellationToken cancellationToken = default) =>
        lister.ListAsync(offset, limit, filter, cancellationToken);

    /// <summary>Deletes the article point and all its chunks by filter; true when anything of the article was stored.</summary>
    public async Task<bool> DeleteArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        Filter ofArticle = MatchKeyword(PayloadKeys.ArticleId, id);
        if (await calls.CountAsync(options.Collection, ofArticle, cancellationToken) == 0) return false;
        await calls.RunAsync("delete an article", (c, t) => c.DeleteAsync(options.Collection, ofArticle, cancellationToken: t), cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<Passage>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) =>
        await search.SearchAsync(query, await ShapeAsync(cancellationToken), cancellationToken);

    public Task<ArchiveStats> GetStatsAsync(CancellationToken cancellationToken = default) => stats.ReadAsync(cancellationToken);

    /// <summary>The server's health check and the collection's status, for the host's readiness probe.</summary>
    internal async Task<(string Version, CollectionStatus Status)> CheckHealthAsync(CancellationToken ct)
    {
        var version = await setup.CheckServerAsync(ct);
        var info = await setup.ReadInfoAsync(ct);
        return (version.ToString(), info.Status);
    }

    public void Dispose()
    {
        channel.Dispose();
        shapeLock.Dispose();
    }

    private Task<IReadOnlyList<RetrievedPoint>> RetrieveAsync(string operation, IEnumerable<string> ids, string[] fields, CancellationToken ct)
    {
        var pointIds = ids.Select(PointIds.Of).ToList();
        return calls.RunAsync(operation, (c, t) => c.RetrieveAsync(options.Collection, pointIds, fields, false, cancellationToken: t), ct);
    }

    /// <summary>The shape InitializeAsync found, or read once from the server when this instance skipped it.</summary>
    private async Task<CollectionShape> ShapeAsync(CancellationToken ct)
    {
        if (shape is { } known) return known;
        await shapeLock.WaitAsync(ct);
        try { return shape ??= await setup.ReadShapeAsync(ct); }
        finally { shapeLock.Release(); }
    }
}
