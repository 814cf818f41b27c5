using System.Text.Json;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// One search: BM25 over FTS5 and/or the dense scan, fused by normalised score for hybrid, then capped per article.
/// </summary>
internal sealed class SqliteSearch(SqliteConnection connection, DenseIndex denseIndex, SqliteArchiveOptions options)
{
    public async Task<IReadOnlyList<Passage>> RunAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (query.Top <= 0) return [];
        var candidates = Math.Max(options.Candidates, query.Top * Math.Max(1, query.MaxPerArticle) * 3);
        var allowed = query.Filter.IsEmpty ? null : await AllowedRowsAsync(query.Filter, cancellationToken);
        if (allowed is { Count: 0 }) return [];

        var useLexical = query.Mode != SearchMode.Dense && query.Terms.Count > 0;
        var useDense = query.Mode != SearchMode.Lexical;
        if (useDense && query.Vector is null)
            throw new ArgumentException($"{query.Mode} search needs a query vector.", nameof(query));

        var lexical = useLexical ? await LexicalAsync(query.Terms, allowed, candidates, cancellationToken) : [];
        IReadOnlyList<(long RowId, double Score)> dense = [];
        if (useDense)
        {
            var generation = await SqliteMeta.GetAsync(connection, "generation", cancellationToken) ?? "";
            dense = await denseIndex.SearchAsync(connection, generation, query.Vector!.Value, allowed, candidates, cancellationToken);
        }

        var ranked = query.Mode switch
        {
            SearchMode.Lexical => lexical,
            SearchMode.Dense => dense,
            _ => RankFusion.Convex(lexical, dense, options.DenseWeight),
        };
        var passages = await LoadAsync(ranked, cancellationToken);
        return PerArticleCap.Apply(passages, p => p.Article.Id, query.MaxPerArticle, query.Top);
    }

    private async Task<HashSet<long>> AllowedRowsAsync(SearchFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT c.rowid FROM chunks c JOIN articles a ON a.id = c.article_id WHERE {SqliteFilter.Where(filter, command)}";
        var rows = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(reader.GetInt64(0));
        return rows;
    }

    private async Task<List<(long RowId, double Score)>> LexicalAsync(
        IReadOnlyList<string> terms, HashSet<long>? allowed, int candidates, CancellationToken cancellationToken)
    {
        var phrases = await LexicalQueryPlan.PhrasesAsync(connection, terms, options.LexicalPostingsBudget, cancellationToken);
        if (phrases.Count == 0) return [];
        await using var command = connection.CreateCommand();
        var restrict = allowed is null ? "" : "AND rowid IN (SELECT value FROM json_each($allowed))";
        // bm25() is lower-is-better; the context (repeated on every chunk) and term pairs weigh less than the body.
        command.CommandText = $"""
            SELECT rowid, -bm25(chunk_fts, {SqliteSchema.ColumnWeights}) AS score FROM chunk_fts
            WHERE chunk_fts MATCH $match {restrict}
            ORDER BY score DESC, rowid LIMIT $limit
            """;
        command.Parameters.AddWithValue("$match", string.Join(" OR ", phrases.Select(t => $"\"{t}\"")));
        command.Parameters.AddWithValue("$limit", candidates);
        if (allowed is not null) command.Parameters.AddWithValue("$allowed", JsonSerializer.Serialize(allowed));
        var ranked = new List<(long, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
        return ranked;
    }

    private async Task<List<Passage>> LoadAsync(IReadOnlyList<(long RowId, double Score)> ranked, CancellationToken cancellationToken)
    {
        if (ranked.Count == 0) return [];
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT c.rowid, c.id, c.ordinal, c.start, c.end, c.text, c.context, c.page, {SqliteValues.SummaryColumns}
            FROM chunks c JOIN articles a ON a.id = c.article_id
            WHERE c.rowid IN (SELECT value FROM json_each($rows))
            """;
        command.Parameters.AddWithValue("$rows", JsonSerializer.Serialize(ranked.Select(r => r.RowId)));
        var byRow = new Dictionary<long, (Chunk Chunk, Core.Articles.ArticleSummary Article)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var article = SqliteValues.Summary(reader, first: 8);
                var chunk = new Chunk(reader.GetString(1), article.Id, reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5))
                {
                    Context = reader.GetString(6),
                    Page = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                };
                byRow[reader.GetInt64(0)] = (chunk, article);
            }
        }
        return ranked.Where(r => byRow.ContainsKey(r.RowId))
            .Select(r => new Passage(byRow[r.RowId].Chunk, byRow[r.RowId].Article, r.Score))
            .ToList();
    }
}
