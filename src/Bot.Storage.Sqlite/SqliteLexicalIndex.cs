using Bot.Core.Analysis;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Keeps the lexical index (chunk_fts, term_df) built by the analyser this bot runs: an archive indexed by another
/// <see cref="TextAnalyzer.Version"/> has its chunks re-analysed from their stored text and title line, in one
/// transaction, so a crash leaves the old index and the next start tries again. Nothing is re-read or re-embedded.
/// </summary>
internal static class SqliteLexicalIndex
{
    public const string VersionKey = "analyzer_version";

    public static async Task EnsureCurrentAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var current = TextAnalyzer.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = await SqliteMeta.GetAsync(connection, VersionKey, cancellationToken);
        if (stored == current) return;
        if (stored is null && !await HasChunksAsync(connection, cancellationToken))
        {
            await SqliteMeta.SetAsync(connection, VersionKey, current, cancellationToken);
            return;
        }
        await RebuildAsync(connection, current, cancellationToken);
    }

    private static async Task<bool> HasChunksAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM chunks)";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! != 0;
    }

    private static async Task RebuildAsync(SqliteConnection connection, string version, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        // Another process may have rebuilt it while this one waited for the write lock.
        if (await SqliteMeta.GetAsync(connection, VersionKey, cancellationToken, transaction) == version) return;
        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM chunk_fts; DELETE FROM term_df;";
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO chunk_fts (rowid, context, body, pairs) VALUES ($rowid, $context, $body, $pairs)";
        foreach (var name in new[] { "$rowid", "$context", "$body", "$pairs" }) insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        await using var termFrequencies = new SqliteTermFrequencies(connection, transaction);
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT rowid, context, text FROM chunks ORDER BY rowid";
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                var (context, body) = (TextAnalyzer.Terms(reader.GetString(1)), TextAnalyzer.Terms(reader.GetString(2)));
                insert.Parameters[0].Value = reader.GetInt64(0);
                insert.Parameters[1].Value = string.Join(' ', context);
                insert.Parameters[2].Value = string.Join(' ', body);
                insert.Parameters[3].Value = string.Join(' ', TextAnalyzer.Pairs(body));
                await insert.ExecuteNonQueryAsync(cancellationToken);
                await termFrequencies.AddAsync(context, body, cancellationToken);
            }
        await SqliteMeta.SetAsync(connection, VersionKey, version, cancellationToken, transaction);
        await SqliteMeta.BumpGenerationAsync(connection, cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
