using System.Text.Json;
using Bot.Core.Articles;
using Bot.Core.Retrieval;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

internal static class SqliteArticleQueries
{
    public static async Task<IReadOnlyDictionary<string, string>> FingerprintsAsync(
        SqliteConnection connection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ids.Count == 0) return found;
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, fingerprint FROM articles WHERE id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found[reader.GetString(0)] = reader.GetString(1);
        return found;
    }

    /// <summary>Every column of an article, for <see cref="Article(SqliteDataReader)"/>.</summary>
    public const string ArticleColumns = $"{SqliteValues.SummaryColumns}, a.text, a.author, a.place, a.fingerprint";

    public static async Task<Article?> GetAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ArticleColumns} FROM articles a WHERE a.id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Article(reader) : null;
    }

    /// <summary>The article at the reader's row, selected with <see cref="ArticleColumns"/>.</summary>
    public static Article Article(SqliteDataReader reader)
    {
        var summary = SqliteValues.Summary(reader);
        return new Article
        {
            Id = summary.Id,
            Title = summary.Title,
            Published = summary.Published,
            Source = summary.Source,
            Url = summary.Url,
            Tags = summary.Tags,
            Text = reader.GetString(6),
            Author = SqliteValues.NullableString(reader, 7),
            Place = SqliteValues.NullableString(reader, 8),
            Fingerprint = reader.GetString(9),
        };
    }

    public static async Task<ArticlePage> ListAsync(
        SqliteConnection connection, int offset, int limit, SearchFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var where = SqliteFilter.Where(filter, command);
        command.CommandText = $"""
            SELECT {SqliteValues.SummaryColumns}, (SELECT count(*) FROM chunks c WHERE c.article_id = a.id),
                   count(*) OVER ()
            FROM articles a WHERE {where}
            ORDER BY a.published IS NULL, a.published DESC, a.title, a.id
            LIMIT $limit OFFSET $offset
            """;
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        command.Parameters.AddWithValue("$offset", Math.Max(0, offset));
        var items = new List<ArticleSummary>();
        var total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(SqliteValues.Summary(reader, chunkCount: reader.GetInt32(6)));
                total = reader.GetInt32(7);
            }
        }
        if (items.Count == 0 && offset > 0)
            total = await CountAsync(connection, filter, cancellationToken);
        return new ArticlePage(items, total);
    }

    private static async Task<int> CountAsync(SqliteConnection connection, SearchFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM articles a WHERE {SqliteFilter.Where(filter, command)}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public static async Task<ArchiveStats> StatsAsync(SqliteConnection connection, string databasePath, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM chunks),
                   (SELECT count(DISTINCT chunk_rowid) FROM chunk_vectors),
                   (SELECT value FROM meta WHERE key = 'embedding_space'),
                   (SELECT count(*) FROM chunk_vectors)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var space = SqliteValues.NullableString(reader, 3) is { } stored && stored.LastIndexOf(':') is var colon and > 0
            ? new EmbeddingSpace(stored[..colon], int.Parse(stored[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            : null;
        var files = new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }.Where(File.Exists).ToList();
        return new ArchiveStats(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2),
            files.Sum(f => new FileInfo(f).Length),
            space,
            new Dictionary<string, string>
            {
                ["file"] = databasePath,
                ["journal"] = "wal",
                ["sentence vectors"] = reader.GetInt64(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
    }
}
