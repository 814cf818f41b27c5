using System.Runtime.CompilerServices;
using Bot.Core.Articles;
using Bot.Core.Ingestion;
using Bot.Core.Retrieval;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Sqlite;

/// <summary>
/// The embedded archive: one SQLite file with articles, chunks, an FTS5 BM25 index and float16 vectors.
/// Writes are serialised in-process and atomic per batch; WAL lets searches run while an ingest writes.
/// </summary>
public sealed class SqliteArchiveStore : IArchiveStore, ITermStatistics
{
    private readonly SqliteArchiveOptions options;
    private readonly string connectionString;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly DenseIndex denseIndex;
    private readonly SqliteTermStatistics termStatistics = new();
    private bool schemaChecked;

    private readonly IIngestMoments? moments;

    public SqliteArchiveStore(IOptions<SqliteArchiveOptions> options, IIngestMoments? moments = null)
    {
        this.options = options.Value;
        this.moments = moments;
        denseIndex = new DenseIndex(this.options);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = this.options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Description => $"sqlite {options.DatabasePath}";

    public async Task InitializeAsync(EmbeddingSpace? space, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        await using var connection = await OpenAsync(cancellationToken, create: true);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        if (space is not null) await EnsureSpaceAsync(connection, space, cancellationToken);
    }

    /// <summary>Vectors of one model only: a different model or size would make dense scores meaningless.</summary>
    private static async Task EnsureSpaceAsync(SqliteConnection connection, EmbeddingSpace space, CancellationToken cancellationToken)
    {
        var stored = await SqliteMeta.GetAsync(connection, "embedding_space", cancellationToken);
        var wanted = $"{space.ModelId}:{space.Dimensions}";
        if (stored is null)
            await SqliteMeta.SetAsync(connection, "embedding_space", wanted, cancellationToken);
        else if (stored != wanted)
            throw new ArchiveException(
                $"The archive at {connection.DataSource} holds vectors of '{stored}' but the configured embedder is '{wanted}'. " +
                "Use the embedder the archive was built with, or ingest into a new --data folder.");
    }

    public async Task<IReadOnlyDictionary<string, string>> GetFingerprintsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteArticleQueries.FingerprintsAsync(connection, ids, cancellationToken);
    }

    public async Task SaveAsync(IReadOnlyList<IndexedArticle> articles, CancellationToken cancellationToken = default)
    {
        if (articles.Count == 0) return;
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await SqliteArticleWriter.SaveAsync(connection, articles, () => moments?.Reached(IngestMoment.Committing), cancellationToken);
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteArticleQueries.GetAsync(connection, id, cancellationToken);
    }

    public async Task<ArticlePage> ListArticlesAsync(int offset, int limit, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteArticleQueries.ListAsync(connection, offset, limit, filter ?? SearchFilter.None, cancellationToken);
    }

    public async Task<bool> DeleteArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await SqliteArticleWriter.DeleteAsync(connection, id, cancellationToken);
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<Passage>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await new SqliteSearch(connection, denseIndex, options).RunAsync(query, cancellationToken);
    }

    public async Task<DocumentFrequencies> GetDocumentFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await termStatistics.ReadAsync(connection, terms, cancellationToken);
    }

    public async Task<ArchiveStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteArticleQueries.StatsAsync(connection, options.DatabasePath, cancellationToken);
    }

    /// <summary>
    /// Every stored article with its chunks and sentence vectors (as precise as stored: float16), in pages of
    /// <paramref name="pageSize"/> articles in id order: what copying the archive into another store needs.
    /// Each page is one consistent snapshot; no connection stays open while the caller works on a page.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<IndexedArticle>> ExportAsync(int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        string? after = null;
        while (true)
        {
            IReadOnlyList<IndexedArticle> page;
            await using (var connection = await OpenAsync(cancellationToken))
                page = await SqliteArchiveExport.PageAsync(connection, after, pageSize, cancellationToken);
            if (page.Count == 0) yield break;
            yield return page;
            after = page[^1].Article.Id;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken, bool create = false)
    {
        if (!create && !schemaChecked && !File.Exists(options.DatabasePath))
            throw new ArchiveException($"No archive at {options.DatabasePath}: ingest articles first (or check --data / BOT_DATA).");
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        if (!schemaChecked)
        {
            await SqliteSchema.EnsureAsync(connection, cancellationToken);
            schemaChecked = true;
        }
        return connection;
    }
}
