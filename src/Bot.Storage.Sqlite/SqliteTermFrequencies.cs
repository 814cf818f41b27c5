using Bot.Core.Analysis;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Keeps term_df (in how many chunks each analysed term occurs) in step with the chunks, inside the writer's
/// transaction. FTS5 can count this itself only by walking a term's whole posting list, which is what a
/// query must avoid on a large archive.
/// </summary>
internal sealed class SqliteTermFrequencies : IAsyncDisposable
{
    private readonly SqliteCommand adjust;
    private readonly SqliteCommand oldChunks;
    private readonly SqliteCommand prune;

    public SqliteTermFrequencies(SqliteConnection connection, SqliteTransaction transaction)
    {
        adjust = connection.CreateCommand();
        adjust.Transaction = transaction;
        adjust.CommandText = "INSERT INTO term_df (term, df) VALUES ($term, $delta) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df";
        adjust.Parameters.Add("$term", SqliteType.Text);
        adjust.Parameters.Add("$delta", SqliteType.Integer);
        oldChunks = connection.CreateCommand();
        oldChunks.Transaction = transaction;
        oldChunks.CommandText = "SELECT context, text FROM chunks WHERE article_id = $id";
        oldChunks.Parameters.Add("$id", SqliteType.Text);
        prune = connection.CreateCommand();
        prune.Transaction = transaction;
        prune.CommandText = "DELETE FROM term_df WHERE df <= 0";
    }

    /// <summary>Counts in a new chunk from its analysed context and body terms.</summary>
    public Task AddAsync(IEnumerable<string> contextTerms, IEnumerable<string> bodyTerms, CancellationToken cancellationToken) =>
        AdjustAsync(contextTerms.Concat(bodyTerms).Distinct(StringComparer.Ordinal), +1, cancellationToken);

    /// <summary>Counts out the chunks an article has now, before they are deleted.</summary>
    public async Task RemoveArticleAsync(string articleId, CancellationToken cancellationToken)
    {
        oldChunks.Parameters[0].Value = articleId;
        var terms = new List<string>();
        await using (var reader = await oldChunks.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                terms.AddRange(TextAnalyzer.Terms(reader.GetString(0)).Concat(TextAnalyzer.Terms(reader.GetString(1))).Distinct(StringComparer.Ordinal));
        await AdjustAsync(terms, -1, cancellationToken);
    }

    public async Task PruneAsync(CancellationToken cancellationToken) => await prune.ExecuteNonQueryAsync(cancellationToken);

    private async Task AdjustAsync(IEnumerable<string> terms, int delta, CancellationToken cancellationToken)
    {
        adjust.Parameters[1].Value = delta;
        foreach (var term in terms)
        {
            adjust.Parameters[0].Value = term;
            await adjust.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await adjust.DisposeAsync();
        await oldChunks.DisposeAsync();
        await prune.DisposeAsync();
    }
}
