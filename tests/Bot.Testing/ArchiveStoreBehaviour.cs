using Bot.Core.Retrieval;

namespace Bot.Testing;

/// <summary>
/// The behaviour every <see cref="IArchiveStore"/> must show. Each store's test project derives from this
/// class and supplies a fresh, empty store, so the embedded store and Qdrant keep the same semantics.
/// </summary>
public abstract class ArchiveStoreBehaviour : IAsyncLifetime
{
    private IArchiveStore? store;

    /// <summary>A fresh, empty store, not yet initialised.</summary>
    protected abstract Task<IArchiveStore> CreateStoreAsync();

    protected IArchiveStore Store => store ?? throw new InvalidOperationException("Store not created.");

    public async ValueTask InitializeAsync()
    {
        store = await CreateStoreAsync();
        await store.InitializeAsync(SampleArchive.Space, TestContext.Current.CancellationToken);
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task SaveSamplesAsync(bool withVectors = true) => Store.SaveAsync(
        [SampleArchive.Indexed(SampleArchive.Drones, withVectors), SampleArchive.Indexed(SampleArchive.Coal, withVectors),
         SampleArchive.Indexed(SampleArchive.Brexit, withVectors)], Ct);

    [Fact]
    public async Task Saved_article_comes_back_verbatim()
    {
        await SaveSamplesAsync();
        var article = await Store.GetArticleAsync(SampleArchive.Drones.Id, Ct);
        Assert.Equivalent(SampleArchive.Drones, article, strict: true);
        Assert.Null(await Store.GetArticleAsync("missing00", Ct));
    }

    [Fact]
    public async Task Fingerprints_cover_only_stored_articles()
    {
        await SaveSamplesAsync();
        var found = await Store.GetFingerprintsAsync([SampleArchive.Coal.Id, "missing00"], Ct);
        Assert.Equal(new Dictionary<string, string> { [SampleArchive.Coal.Id] = SampleArchive.Coal.Fingerprint }, found);
    }

    [Fact]
    public async Task Lexical_search_ranks_the_matching_passage_first_with_exact_offsets()
    {
        await SaveSamplesAsync();
        var passages = await Store.SearchAsync(SampleArchive.Query("Who asked for armed drones?"), Ct);
        var best = Assert.IsType<Passage>(passages.FirstOrDefault());
        Assert.Equal(SampleArchive.Drones.Id, best.Article.Id);
        Assert.Contains("armed drones", best.Chunk.Text);
        Assert.Equal(SampleArchive.Drones.Text[best.Chunk.Start..best.Chunk.End], best.Chunk.Text);
        Assert.Equal(SampleArchive.Drones.Title, best.Article.Title);
        Assert.Equal(SampleArchive.Drones.Published, best.Article.Published);
        Assert.True(passages.Zip(passages.Skip(1)).All(p => p.First.Score >= p.Second.Score), "scores descend");
    }

    [Fact]
    public async Task Lexical_search_prefers_the_passage_that_keeps_the_query_phrase_together()
    {
        await SaveSamplesAsync();
        // The same terms, as often, in chunks of the same length: only the adjacent pair "solar panels" differs.
        var together = SampleArchive.Article("phrase01", "Depot roof", ["Officials said solar panels covered the roof of the depot"]);
        var apart = SampleArchive.Article("phrase02", "Depot roof", ["Panels covered the roof of the depot officials said solar"]);
        await Store.SaveAsync([SampleArchive.Indexed(apart), SampleArchive.Indexed(together)], Ct);
        var passages = await Store.SearchAsync(SampleArchive.Query("solar panels"), Ct);
        Assert.Equal([together.Id, apart.Id], passages.Select(p => p.Article.Id));
        Assert.True(passages[0].Score > passages[1].Score, $"{passages[0].Score} > {passages[1].Score}");
    }

    [Fact]
    public async Task Lexical_search_ignores_lost_apostrophes()
    {
        await SaveSamplesAsync();
        var passages = await Store.SearchAsync(SampleArchive.Query("Africa s Sahel"), Ct);
        Assert.Contains("Africa's Sahel", passages.First().Chunk.Text);
    }

    [Fact]
    public async Task Stop_words_only_query_finds_nothing_and_does_not_fail()
    {
        await SaveSamplesAsync();
        Assert.Empty(await Store.SearchAsync(SampleArchive.Query("the of and"), Ct));
    }

    [Fact]
    public async Task Dense_search_finds_the_nearest_vector()
    {
        await SaveSamplesAsync();
        var passages = await Store.SearchAsync(SampleArchive.Query("renewable energy firms shares slammed", SearchMode.Dense), Ct);
        Assert.Equal("Renewable energy firms saw their shares slammed on Wednesday.", passages.First().Chunk.Text);
    }

    [Fact]
    public async Task Dense_search_scores_a_chunk_by_its_best_sentence_vector()
    {
        var article = SampleArchive.Article("multi001", "Two topics", ["Volcanic ash grounded flights across Iceland"]);
        var chunk = SampleArchive.Chunks(article).Single();
        await Store.SaveAsync([new IndexedArticle(article, [new IndexedChunk(chunk,
            [SampleArchive.Embed("volcanic ash flights Iceland"), SampleArchive.Embed("renewable energy shares slammed")])])], Ct);
        await SaveSamplesAsync();
        var passages = await Store.SearchAsync(SampleArchive.Query("renewable energy shares slammed", SearchMode.Dense, top: 2), Ct);
        Assert.Contains(passages, p => p.Chunk.Id == chunk.Id);
        Assert.Equal(1.0, passages.Single(p => p.Chunk.Id == chunk.Id).Score, 2);
    }

    [Fact]
    public async Task Hybrid_search_fuses_both_rankings()
    {
        await SaveSamplesAsync();
        var passages = await Store.SearchAsync(SampleArchive.Query("Brexit negotiations in Brussels", SearchMode.Hybrid), Ct);
        Assert.Equal(SampleArchive.Brexit.Id, passages.First().Article.Id);
        Assert.Contains("Brussels", passages.First().Chunk.Text);
    }

    [Fact]
    public async Task At_most_n_passages_per_article()
    {
        await SaveSamplesAsync();
        var query = SampleArchive.Query("drones Niger Sahel Mountari request shares coal Brexit", top: 10, maxPerArticle: 1);
        var passages = await Store.SearchAsync(query, Ct);
        Assert.Equal(3, passages.Count);
        Assert.Equal(3, passages.Select(p => p.Article.Id).Distinct().Count());
    }

    [Fact]
    public async Task Filters_restrict_by_date_source_tags_and_article()
    {
        await SaveSamplesAsync();
        const string question = "drones shares Brexit talks leaders";
        async Task<string[]> ArticlesFor(SearchFilter filter) =>
            (await Store.SearchAsync(SampleArchive.Query(question, top: 10, filter: filter), Ct)).Select(p => p.Article.Id).Distinct().Order().ToArray();

        Assert.Equal([SampleArchive.Drones.Id], await ArticlesFor(new SearchFilter
        {
            From = new DateTimeOffset(2017, 10, 25, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2017, 11, 2, 0, 0, 0, TimeSpan.Zero),
        }));
        Assert.Equal([SampleArchive.Brexit.Id], await ArticlesFor(new SearchFilter { Source = "ap" }));
        Assert.Equal([SampleArchive.Brexit.Id, SampleArchive.Drones.Id], await ArticlesFor(new SearchFilter { Tags = ["worldnews"] }));
        Assert.Equal([SampleArchive.Coal.Id], await ArticlesFor(new SearchFilter { ArticleIds = [SampleArchive.Coal.Id] }));
        Assert.Empty(await ArticlesFor(new SearchFilter { Source = "nobody" }));
    }

    [Fact]
    public async Task Saving_again_replaces_the_article_and_its_chunks()
    {
        await SaveSamplesAsync();
        var revised = SampleArchive.Article(SampleArchive.Drones.Id, "Niger drones, revised",
            ["Niger now says surveillance flights continue", "No other change was announced"],
            SampleArchive.Drones.Published);
        await Store.SaveAsync([SampleArchive.Indexed(revised)], Ct);

        Assert.Equivalent(revised, await Store.GetArticleAsync(revised.Id, Ct), strict: true);
        Assert.DoesNotContain(await Store.SearchAsync(SampleArchive.Query("armed jihadist groups", top: 10), Ct),
            p => p.Article.Id == revised.Id);
        var found = await Store.SearchAsync(SampleArchive.Query("surveillance flights"), Ct);
        Assert.Equal(revised.Id, found.First().Article.Id);
        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal(3, stats.Articles);
        Assert.Equal(8, stats.Chunks);
    }

    [Fact]
    public async Task Delete_removes_the_article_and_its_passages()
    {
        await SaveSamplesAsync();
        Assert.True(await Store.DeleteArticleAsync(SampleArchive.Coal.Id, Ct));
        Assert.False(await Store.DeleteArticleAsync(SampleArchive.Coal.Id, Ct));
        Assert.Null(await Store.GetArticleAsync(SampleArchive.Coal.Id, Ct));
        Assert.DoesNotContain(await Store.SearchAsync(SampleArchive.Query("coal Caterpillar shares", top: 10), Ct),
            p => p.Article.Id == SampleArchive.Coal.Id);
        Assert.DoesNotContain(await Store.SearchAsync(SampleArchive.Query("coal Caterpillar shares", SearchMode.Dense, top: 10), Ct),
            p => p.Article.Id == SampleArchive.Coal.Id);
    }

    [Fact]
    public async Task Articles_list_newest_first_in_pages()
    {
        await SaveSamplesAsync();
        var first = await Store.ListArticlesAsync(0, 2, cancellationToken: Ct);
        var second = await Store.ListArticlesAsync(2, 2, cancellationToken: Ct);
        Assert.Equal(3, first.Total);
        Assert.Equal([SampleArchive.Drones.Id, SampleArchive.Brexit.Id], first.Items.Select(a => a.Id));
        Assert.Equal([SampleArchive.Coal.Id], second.Items.Select(a => a.Id));
        Assert.Equal(3, first.Items[0].ChunkCount);
        var reuters = await Store.ListArticlesAsync(0, 10, new SearchFilter { Source = "Reuters" }, Ct);
        Assert.Equal(2, reuters.Total);
    }

    [Fact]
    public async Task Stats_count_articles_chunks_and_vectors()
    {
        await Store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones), SampleArchive.Indexed(SampleArchive.Coal, withVectors: false)], Ct);
        var stats = await Store.GetStatsAsync(Ct);
        Assert.Equal(2, stats.Articles);
        Assert.Equal(6, stats.Chunks);
        Assert.Equal(3, stats.ChunksWithVectors);
        Assert.Equal(SampleArchive.Space, stats.Space);
    }

    [Fact]
    public async Task A_different_embedding_space_is_refused()
    {
        await SaveSamplesAsync();
        var error = await Assert.ThrowsAsync<ArchiveException>(() => Store.InitializeAsync(new EmbeddingSpace("other-model", 32), Ct));
        Assert.Contains("32", error.Message);
    }
}
