using Bot.Core.Retrieval;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Document frequencies read from the FTS5 index itself through its fts5vocab view (body column only: the
/// context line repeats the title on every chunk of an article). The chunk count is cached per write generation.
/// </summary>
internal sealed class SqliteTermStatistics
{
    private (string Generation, long Chunks)? chunkCount;

    public async Task<DocumentFrequencies> ReadAsync(SqliteConnection connection, IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var chunks = await ChunkCountAsync(connection, cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        // One lookup per term: fts5vocab answers "term = ?" from the index b-tree without a scan.
        command.CommandText = "SELECT doc FROM chunk_vocab WHERE term = $term AND col = 'body'";
        var parameter = command.Parameters.Add("$term", SqliteType.Text);
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            parameter.Value = term;
            if (await command.ExecuteScalarAsync(cancellationToken) is long doc) counts[term] = doc;
        }
        return new DocumentFrequencies(chunks, counts);
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
