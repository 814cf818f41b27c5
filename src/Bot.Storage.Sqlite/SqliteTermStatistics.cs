using System.Text.Json;
using Bot.Core.Retrieval;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Document frequencies read from term_df, which the writer keeps in step with the chunks (context and body
/// terms), for the lexical query plan and the answerer's term weights. The chunk count is cached per write generation.
/// </summary>
internal sealed class SqliteTermStatistics
{
    private (string Generation, long Chunks)? chunkCount;

    public async Task<DocumentFrequencies> ReadAsync(SqliteConnection connection, IReadOnlyCollection<string> terms, CancellationToken cancellationToken) =>
        new(await ChunkCountAsync(connection, cancellationToken), await CountsAsync(connection, terms, cancellationToken));

    /// <summary>How many chunks hold each term; a term in no chunk is absent.</summary>
    public static async Task<Dictionary<string, long>> CountsAsync(
        SqliteConnection connection, IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, df FROM term_df WHERE term IN (SELECT value FROM json_each($terms))";
        command.Parameters.AddWithValue("$terms", JsonSerializer.Serialize(terms.Distinct(StringComparer.Ordinal)));
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private async Task<long> ChunkCountAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var generation = await SqliteMeta.GetAsync(connection, "generation", cancellationToken) ?? "";
        if (chunkCount is { } cached && cached.Generation == generation) return cached.Chunks;
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM chunks";
        var chunks = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        chunkCount = (generation, chunks);
        return chunks;
    }
}
