using System.Globalization;
using System.Text.Json;
using Bot.Core.Analysis;
using Bot.Core.Retrieval;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>Replaces articles with their chunks inside one transaction, so a crash leaves the old or the new version.</summary>
internal static class SqliteArticleWriter
{
    /// <param name="beforeCommit">Called with every row written and the transaction still open.</param>
    public static async Task SaveAsync(SqliteConnection connection, IReadOnlyList<IndexedArticle> articles, Action beforeCommit, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: take the write lock up front so concurrent writers wait instead of failing mid-way.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var removeChunks = Command(connection, transaction, """
            DELETE FROM chunk_fts WHERE rowid IN (SELECT rowid FROM chunks WHERE article_id = $id);
            DELETE FROM chunks WHERE article_id = $id;
            DELETE FROM article_tags WHERE article_id = $id;
            """, "$id");
        await using var upsertArticle = Command(connection, transaction, """
            INSERT INTO articles (id, title, text, published, source, url, author, place, tags, fingerprint, ingested_at)
            VALUES ($id, $title, $text, $published, $source, $url, $author, $place, $tags, $fingerprint, $ingested)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, text = excluded.text, published = excluded.published,
                source = excluded.source, url = excluded.url, author = excluded.author, place = excluded.place,
                tags = excluded.tags, fingerprint = excluded.fingerprint, ingested_at = excluded.ingested_at
            """, "$id", "$title", "$text", "$published", "$source", "$url", "$author", "$place", "$tags", "$fingerprint", "$ingested");
        await using var insertTag = Command(connection, transaction,
            "INSERT OR IGNORE INTO article_tags (tag, article_id) VALUES ($tag, $id)", "$tag", "$id");
        await using var insertChunk = Command(connection, transaction, """
            INSERT INTO chunks (id, article_id, ordinal, start, end, text, context, page)
            VALUES ($id, $article, $ordinal, $start, $end, $text, $context, $page) RETURNING rowid
            """, "$id", "$article", "$ordinal", "$start", "$end", "$text", "$context", "$page");
        await using var insertVector = Command(connection, transaction,
            "INSERT INTO chunk_vectors (chunk_rowid, vector) VALUES ($rowid, $vector)", "$rowid", "$vector");
        await using var insertTerms = Command(connection, transaction,
            "INSERT INTO chunk_fts (rowid, context, body, pairs) VALUES ($rowid, $context, $body, $pairs)", "$rowid", "$context", "$body", "$pairs");

        await using var termFrequencies = new SqliteTermFrequencies(connection, transaction);

        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var (article, chunks) in articles)
        {
            await termFrequencies.RemoveArticleAsync(article.Id, cancellationToken);
            await Run(removeChunks, cancellationToken, article.Id);
            await Run(upsertArticle, cancellationToken, article.Id, article.Title, article.Text, SqliteValues.FormatDate(article.Published),
                article.Source, article.Url, article.Author, article.Place, JsonSerializer.Serialize(article.Tags), article.Fingerprint, now);
            foreach (var tag in article.Tags)
                await Run(insertTag, cancellationToken, tag, article.Id);
            foreach (var (chunk, vectors) in chunks)
            {
                Bind(insertChunk, chunk.Id, article.Id, chunk.Ordinal, chunk.Start, chunk.End, chunk.Text, chunk.Context, chunk.Page);
                var rowId = (long)(await insertChunk.ExecuteScalarAsync(cancellationToken))!;
                var (context, body) = (TextAnalyzer.Terms(chunk.Context), TextAnalyzer.Terms(chunk.Text));
                await Run(insertTerms, cancellationToken, rowId,
                    string.Join(' ', context), string.Join(' ', body), string.Join(' ', TextAnalyzer.Pairs(body)));
                foreach (var vector in vectors)
                    await Run(insertVector, cancellationToken, rowId, VectorCodec.ToHalfBlob(vector.Span));
                await termFrequencies.AddAsync(context, body, cancellationToken);
            }
        }
        await termFrequencies.PruneAsync(cancellationToken);
        await SqliteMeta.BumpGenerationAsync(connection, cancellationToken, transaction);
        beforeCommit();
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<bool> DeleteAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: take the write lock up front so concurrent writers wait instead of failing mid-way.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var termFrequencies = new SqliteTermFrequencies(connection, transaction))
        {
            await termFrequencies.RemoveArticleAsync(id, cancellationToken);
            await termFrequencies.PruneAsync(cancellationToken);
        }
        await using var delete = Command(connection, transaction, """
            DELETE FROM chunk_fts WHERE rowid IN (SELECT rowid FROM chunks WHERE article_id = $id);
            DELETE FROM articles WHERE id = $id;
            """, "$id");
        Bind(delete, id);
        var removed = await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
        if (removed)
            await SqliteMeta.BumpGenerationAsync(connection, cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static async Task Run(SqliteCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        Bind(command, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
