using Bot.Core.Retrieval;
using Bot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Sqlite.Tests;

/// <summary>ExportAsync gives back what was saved: articles, chunks and every sentence vector, page by page.</summary>
public sealed class SqliteExportTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempDirectory folder = new();
    private readonly SqliteArchiveStore store;

    public SqliteExportTests() =>
        store = new SqliteArchiveStore(Options.Create(new SqliteArchiveOptions { DataDirectory = folder.Path }));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private async Task<List<IReadOnlyList<IndexedArticle>>> ExportAsync(int pageSize)
    {
        var pages = new List<IReadOnlyList<IndexedArticle>>();
        await foreach (var page in store.ExportAsync(pageSize, Ct)) pages.Add(page);
        return pages;
    }

    [Fact]
    public async Task Articles_come_back_in_id_order_with_their_chunks_and_sentence_vectors()
    {
        var twoSentences = SampleArchive.Article("multi001", "Two topics", ["Volcanic ash grounded flights across Iceland"], tags: ["europe"]);
        var saved = new[]
        {
            SampleArchive.Indexed(SampleArchive.Drones),
            SampleArchive.Indexed(SampleArchive.Coal, withVectors: false),
            SampleArchive.Indexed(SampleArchive.Brexit),
            new IndexedArticle(twoSentences, [new IndexedChunk(SampleArchive.Chunks(twoSentences).Single(),
                [SampleArchive.Embed("volcanic ash"), SampleArchive.Embed("flights grounded across Iceland")])]),
        };
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync(saved, Ct);

        var pages = await ExportAsync(pageSize: 3);

        Assert.Equal([3, 1], pages.Select(p => p.Count));
        var exported = pages.SelectMany(p => p).ToList();
        var expected = saved.OrderBy(a => a.Article.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(a => a.Article.Id), exported.Select(a => a.Article.Id));
        foreach (var (want, got) in expected.Zip(exported))
        {
            Assert.Equivalent(want.Article, got.Article, strict: true);
            Assert.Equal(want.Chunks.Select(c => c.Chunk), got.Chunks.Select(c => c.Chunk));
            foreach (var (wantChunk, gotChunk) in want.Chunks.Zip(got.Chunks))
            {
                Assert.Equal(wantChunk.Vectors.Count, gotChunk.Vectors.Count);
                foreach (var (a, b) in wantChunk.Vectors.Zip(gotChunk.Vectors))
                    Assert.All(a.ToArray().Zip(b.ToArray()), x => Assert.Equal(x.First, x.Second, 0.001)); // float16 on disk
            }
        }
        Assert.Equal(2, exported.Single(a => a.Article.Id == "multi001").Chunks[0].Vectors.Count);
    }

    [Fact]
    public async Task A_replaced_article_is_exported_in_its_latest_version_only()
    {
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        var revised = SampleArchive.Article(SampleArchive.Drones.Id, "Revised", ["Only one sentence now"], SampleArchive.Drones.Published);
        await store.SaveAsync([SampleArchive.Indexed(revised)], Ct);

        var exported = Assert.Single(Assert.Single(await ExportAsync(pageSize: 10)));
        Assert.Equal(revised.Fingerprint, exported.Article.Fingerprint);
        Assert.Equal(SampleArchive.Chunks(revised), exported.Chunks.Select(c => c.Chunk));
    }

    [Fact]
    public async Task An_empty_archive_exports_nothing_and_a_bad_page_size_is_refused()
    {
        await store.InitializeAsync(null, Ct);
        Assert.Empty(await ExportAsync(pageSize: 5));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ExportAsync(pageSize: 0));
    }
}
