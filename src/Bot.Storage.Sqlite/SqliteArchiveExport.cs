using System.Text.Json;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Reads whole articles back as they were saved (chunks in order, each with its sentence vectors in order),
/// a page at a time in id order, inside one read transaction so a page never mixes two versions of an article.
/// </summary>
internal static class SqliteArchiveExport
{
    public static async Task<IReadOnlyList<IndexedArticle>> PageAsync(SqliteConnection connection, string? after, int size, CancellationToken cancellationToken)
    {
        await using var snapshot = connection.BeginTransaction(deferred: true);
        var articles = new List<Core.Articles.Article>();
        await using (var command = Command(connection, snapshot,
            $"SELECT {SqliteArticleQueries.ArticleColumns} FROM articles a WHERE $after IS NULL OR a.id > $after ORDER BY a.id LIMIT $size"))
        {
            command.Parameters.AddWithValue("$after", (object?)after ?? DBNull.Value);
            command.Parameters.AddWithValue("$size", size);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) articles.Add(SqliteArticleQueries.Article(reader));
        }
        if (articles.Count == 0) return [];

        var ids = JsonSerializer.Serialize(articles.Select(a => a.Id));
        var vectors = await VectorsAsync(connection, snapshot, ids, cancellationToken);
        var chunks = articles.ToDictionary(a => a.Id, _ => new List<IndexedChunk>(), StringComparer.Ordinal);
        await using (var command = Command(connection, snapshot, """
            SELECT rowid, id, article_id, ordinal, start, end, text, context, page FROM chunks
            WHERE article_id IN (SELECT value FROM json_each($ids)) ORDER BY article_id, ordinal
            """))
        {
            command.Parameters.AddWithValue("$ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var chunk = new Chunk(reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetString(6))
                {
                    Context = reader.GetString(7),
                    Page = reader.IsDBNull(8) ? null : reader.GetInt32(8),
                };
                chunks[chunk.ArticleId].Add(new IndexedChunk(chunk, vectors.GetValueOrDefault(reader.GetInt64(0)) ?? []));
            }
        }
        return articles.Select(a => new IndexedArticle(a, chunks[a.Id])).ToList();
    }

    /// <summary>Each chunk's sentence vectors in the order they were saved, by chunk rowid.</summary>
    private static async Task<Dictionary<long, List<ReadOnlyMemory<float>>>> VectorsAsync(
        SqliteConnection connection, SqliteTransaction snapshot, string articleIds, CancellationToken cancellationToken)
    {
        var vectors = new Dictionary<long, List<ReadOnlyMemory<float>>>();
        await using var command = Command(connection, snapshot, """
            SELECT v.chunk_rowid, v.vector FROM chunk_vectors v
            WHERE v.chunk_rowid IN (SELECT rowid FROM chunks WHERE article_id IN (SELECT value FROM json_each($ids)))
            ORDER BY v.chunk_rowid, v.rowid
            """);
        command.Parameters.AddWithValue("$ids", articleIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            if (!vectors.TryGetValue(rowId, out var list)) vectors[rowId] = list = [];
            list.Add(VectorCodec.FromHalfBlob((byte[])reader[1]));
        }
        return vectors;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
