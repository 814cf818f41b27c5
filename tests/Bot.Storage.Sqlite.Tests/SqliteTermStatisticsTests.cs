using Bot.Core.Analysis;
using Bot.Core.Retrieval;
using Bot.Storage.Sqlite;
using Bot.Testing;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Sqlite.Tests;

public sealed class SqliteTermStatisticsTests : IAsyncLifetime
{
    private readonly TempDirectory folder = new();
    private SqliteArchiveStore store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly IReadOnlyList<IndexedArticle> Samples =
        [SampleArchive.Indexed(SampleArchive.Drones), SampleArchive.Indexed(SampleArchive.Coal), SampleArchive.Indexed(SampleArchive.Brexit)];

    public async ValueTask InitializeAsync()
    {
        store = new SqliteArchiveStore(Options.Create(new SqliteArchiveOptions { DataDirectory = folder.Path }));
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync(Samples, Ct);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>How many chunks hold the term in their context line or text, counted from the chunks themselves.</summary>
    private static long Expected(IEnumerable<IndexedArticle> articles, string term) =>
        articles.SelectMany(a => a.Chunks).Count(c => TextAnalyzer.Terms(c.Chunk.IndexText).Contains(term));

    [Fact]
    public async Task Document_frequencies_count_the_chunks_that_hold_each_term()
    {
        var terms = TextAnalyzer.Terms("armed drones coal stocks Brexit talks Niger");

        var frequencies = await store.GetDocumentFrequenciesAsync(terms, Ct);

        Assert.Equal(Samples.Sum(a => a.Chunks.Count), frequencies.Documents);
        foreach (var term in terms)
            Assert.Equal(Expected(Samples, term), frequencies.Of(term));
        Assert.True(frequencies.Of("drone") > 0);
    }

    [Fact]
    public async Task A_term_in_no_chunk_has_frequency_zero()
    {
        var frequencies = await store.GetDocumentFrequenciesAsync(["zzyzx", "drone"], Ct);

        Assert.Equal(0, frequencies.Of("zzyzx"));
        Assert.False(frequencies.Counts.ContainsKey("zzyzx"));
        Assert.True(frequencies.Of("drone") > 0);
    }

    [Fact]
    public async Task Deleting_an_article_updates_the_counts()
    {
        await store.DeleteArticleAsync(SampleArchive.Drones.Id, Ct);

        var remaining = Samples.Where(a => a.Article.Id != SampleArchive.Drones.Id).ToList();
        var frequencies = await store.GetDocumentFrequenciesAsync(["drone", "coal"], Ct);

        Assert.Equal(remaining.Sum(a => a.Chunks.Count), frequencies.Documents);
        Assert.Equal(Expected(remaining, "drone"), frequencies.Of("drone"));
        Assert.Equal(Expected(remaining, "coal"), frequencies.Of("coal"));
    }
}
