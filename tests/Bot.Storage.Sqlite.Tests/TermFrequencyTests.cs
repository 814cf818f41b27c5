using Bot.Core.Analysis;
using Bot.Core.Retrieval;
using Bot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Sqlite.Tests;

public sealed class TermFrequencyTests : IDisposable
{
    private readonly TempDirectory folder = new();

    private SqliteArchiveStore Store(long budget = 20_000) => new(Options.Create(new SqliteArchiveOptions
    {
        DataDirectory = folder.Path,
        LexicalPostingsBudget = budget,
    }));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Term_frequencies_follow_saves_replacements_and_deletes()
    {
        var store = Store();
        await store.InitializeAsync(null, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones, false), SampleArchive.Indexed(SampleArchive.Coal, false)], Ct);
        Assert.Equal(await CountedFromChunksAsync(), await StoredAsync());

        var revised = SampleArchive.Article(SampleArchive.Drones.Id, "Niger drones, revised", ["Shares of drone makers rose"]);
        await store.SaveAsync([SampleArchive.Indexed(revised, false)], Ct);
        Assert.Equal(await CountedFromChunksAsync(), await StoredAsync());

        await store.DeleteArticleAsync(SampleArchive.Coal.Id, Ct);
        Assert.Equal(await CountedFromChunksAsync(), await StoredAsync());
        Assert.DoesNotContain("caterpillar", (await StoredAsync()).Keys);
    }

    [Fact]
    public async Task Over_the_postings_budget_the_rare_terms_still_find_their_passage()
    {
        var store = Store(budget: 4);
        await store.InitializeAsync(null, Ct);
        var common = Enumerable.Range(0, 10).Select(i => SampleArchive.Article($"common{i:D2}", $"Report {i}",
            [$"The government said the economy grew in quarter {i}", "Officials said the government would report again"])).ToList();
        await store.SaveAsync([.. common.Select(a => SampleArchive.Indexed(a, false)), SampleArchive.Indexed(SampleArchive.Drones, false)], Ct);

        var passages = await store.SearchAsync(SampleArchive.Query("government officials Mountari economy"), Ct);

        Assert.Equal(SampleArchive.Drones.Id, passages.First().Article.Id);
    }

    [Fact]
    public async Task An_index_built_by_an_older_analyser_is_rebuilt_from_the_stored_chunks_on_open()
    {
        var store = Store();
        await store.InitializeAsync(null, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones, false), SampleArchive.Indexed(SampleArchive.Coal, false)], Ct);
        var expected = await StoredAsync();
        // An archive written by analyser version 1: its terms differ (here: none at all).
        await QueryAsync("DELETE FROM chunk_fts; DELETE FROM term_df; UPDATE meta SET value = '1' WHERE key = 'analyzer_version' RETURNING 1", r => 0);
        SqliteConnection.ClearAllPools();

        var reopened = Store();
        // "American" analyses as the "U.S." of the story only with the current analyser.
        var passages = await reopened.SearchAsync(SampleArchive.Query("American drones"), Ct);

        Assert.Equal(SampleArchive.Drones.Id, passages.First().Article.Id);
        Assert.Equal(expected, await StoredAsync());
        Assert.Equal([TextAnalyzer.Version.ToString()], await QueryAsync("SELECT value FROM meta WHERE key = 'analyzer_version'", r => r.GetString(0)));
    }

    private async Task<Dictionary<string, long>> StoredAsync() =>
        (await QueryAsync("SELECT term, df FROM term_df", r => (r.GetString(0), r.GetInt64(1))))
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>What term_df should hold: per analysed term, the chunks whose context or text contains it.</summary>
    private async Task<Dictionary<string, long>> CountedFromChunksAsync() =>
        (await QueryAsync("SELECT context, text FROM chunks", r => (r.GetString(0), r.GetString(1))))
            .SelectMany(c => TextAnalyzer.Terms(c.Item1).Concat(TextAnalyzer.Terms(c.Item2)).Distinct())
            .GroupBy(t => t).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count());

    private async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> row)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "archive.db")}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) rows.Add(row(reader));
        return rows;
    }

    public void Dispose() => folder.Dispose();
}
