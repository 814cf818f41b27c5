using Bot.Core.Articles;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Storage.Qdrant.Writing;
using Bot.Testing;
using Bot.Testing.Qdrant;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Tests.EndToEnd;

public sealed class SavingTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private FakeQdrantServer server = null!;
    private QdrantArchiveStore store = null!;

    public async ValueTask InitializeAsync()
    {
        server = FakeQdrantServer.Start(QdrantContract.Load());
        store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        store.Dispose();
        var violations = server.Violations.ToList();
        await server.DisposeAsync();
        Assert.Empty(violations);
    }

    private FakeCollection Collection => server.Engine.Collection("news")!;
    private int PointsOf(string articleId) => Collection.Points.Count(p => Text(p, "article_id") == articleId);

    private static string? Text(FakePoint point, string key) => point.Payload.TryGetValue(key, out var value) ? value.StringValue : null;

    [Fact]
    public async Task Saving_the_same_articles_twice_changes_nothing()
    {
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones), SampleArchive.Indexed(SampleArchive.Coal)], Ct);
        var before = Collection.Points.Select(p => p.Id).Order().ToList();
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones), SampleArchive.Indexed(SampleArchive.Coal)], Ct);
        Assert.Equal(before, Collection.Points.Select(p => p.Id).Order());
        Assert.Equal(1 + 4 + 4, before.Count); // space point, 3 chunks + 1 article each
    }

    [Fact]
    public async Task A_replacement_upserts_chunks_then_deletes_stale_ones_then_commits_the_article()
    {
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        var shorter = SampleArchive.Article(SampleArchive.Drones.Id, "Shorter", ["Only one sentence now"], SampleArchive.Drones.Published);
        var mark = server.Calls.Count;
        await store.SaveAsync([SampleArchive.Indexed(shorter)], Ct);

        var steps = server.Calls.Skip(mark).Select(c => (c.Rpc, Kinds(c.Request))).ToList();
        Assert.Equal([("qdrant.Points/Upsert", "chunk"), ("qdrant.Points/Delete", ""), ("qdrant.Points/Upsert", "article")], steps);
        Assert.Equal(2, PointsOf(shorter.Id)); // one chunk + the article point
        Assert.Equal(shorter.Fingerprint, (await store.GetFingerprintsAsync([shorter.Id], Ct))[shorter.Id]);
    }

    [Fact]
    public async Task An_interrupted_replacement_is_repaired_by_saving_again()
    {
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        var revised = SampleArchive.Article(SampleArchive.Drones.Id, "Revised", ["First new sentence", "Second new sentence"], SampleArchive.Drones.Published);
        // The stale-chunk delete fails (Internal is not retried): the chunks are new but the article point still says "old".
        server.Inject("Points/Delete", new FakeFault(Grpc.Core.StatusCode.Internal, "Service internal error: disk full"));
        await Assert.ThrowsAsync<ArchiveException>(() => store.SaveAsync([SampleArchive.Indexed(revised)], Ct));
        Assert.Equal(SampleArchive.Drones.Fingerprint, (await store.GetFingerprintsAsync([revised.Id], Ct))[revised.Id]);
        // The old article's chunks were overwritten by the new ones: its text cannot be put together, and reading says so.
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.GetArticleAsync(revised.Id, Ct));
        Assert.Contains("interrupted", error.Message);

        await store.SaveAsync([SampleArchive.Indexed(revised)], Ct);
        Assert.Equal(revised.Fingerprint, (await store.GetFingerprintsAsync([revised.Id], Ct))[revised.Id]);
        Assert.Equal(3, PointsOf(revised.Id));
        Assert.Equivalent(revised, await store.GetArticleAsync(revised.Id, Ct), strict: true);
    }

    [Fact]
    public async Task Large_saves_go_in_batches_of_whole_articles_under_the_limits()
    {
        var articles = Enumerable.Range(0, 30).Select(i => SampleArchive.Indexed(SampleArchive.Article($"bulk{i:D4}", $"Bulk {i}",
            [.. Enumerable.Range(0, 20).Select(s => $"Sentence {s} of article {i} about drones and coal")],
            new DateTimeOffset(2017, 1, 1 + i % 28, 0, 0, 0, TimeSpan.Zero)))).ToList();
        var huge = SampleArchive.Indexed(SampleArchive.Article("huge0001", "Huge",
            [.. Enumerable.Range(0, 600).Select(s => $"Long article sentence {s}")]));
        var mark = server.Calls.Count;
        await store.SaveAsync([.. articles, huge], Ct);

        var upserts = server.Calls.Skip(mark).Select(c => c.Request).OfType<UpsertPoints>().Select(u => u.Points).ToList();
        Assert.All(upserts, batch => Assert.InRange(batch.Count, 1, 256));
        Assert.Equal(30 * 20 + 600 + 31, upserts.Sum(b => b.Count));
        // No article's chunks are split across groups except the one too big for any batch.
        var articlesPerChunkBatch = upserts.Where(b => b[0].Payload["kind"].StringValue == "chunk")
            .SelectMany((b, i) => b.Select(p => (p.Payload["article_id"].StringValue, i))).Distinct()
            .GroupBy(x => x.Item1).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Equal(["huge0001"], articlesPerChunkBatch);
        Assert.Equal(31, (await store.GetStatsAsync(Ct)).Articles);
    }

    [Fact]
    public async Task Every_chunk_arrives_with_its_own_sentence_vectors_when_batches_reuse_their_messages()
    {
        using var small = TestStores.Create(server.Url, o => (o.BatchSize, o.MaxParallelUploads) = (2, 3));
        var articles = Enumerable.Range(0, 12).Select(i => SampleArchive.Article($"reuse{i:D3}", $"Reuse {i}",
            [.. Enumerable.Range(0, 3).Select(s => $"Sentence {s} of story {i} on drones coal and Brexit")])).ToList();
        var indexed = articles.Select(a => SampleArchive.Indexed(a)).ToList();
        await small.SaveAsync(indexed, Ct);

        foreach (var (chunk, vectors) in indexed.SelectMany(a => a.Chunks))
        {
            var stored = Collection.Points.Single(p => p.Id == PointIds.ForChunk(chunk.Id)).Dense["dense"];
            Assert.Equal(vectors.Select(v => v.ToArray()), stored);
        }
    }

    [Fact]
    public async Task Compressed_uploads_arrive_as_gzip_and_read_back_the_same()
    {
        using var compressing = TestStores.Create(server.Url, o => o.CompressUploads = true);
        var mark = server.Calls.Count;
        await compressing.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);

        var calls = server.Calls.Skip(mark).ToList();
        Assert.All(calls.Where(c => c.Rpc == "qdrant.Points/Upsert"), c => Assert.Equal("gzip", c.Encoding));
        Assert.All(calls.Where(c => c.Rpc != "qdrant.Points/Upsert"), c => Assert.Null(c.Encoding)); // small calls stay plain
        Assert.Equivalent(SampleArchive.Drones, await store.GetArticleAsync(SampleArchive.Drones.Id, Ct), strict: true);
        Assert.Equal(SampleArchive.Drones.Id, (await store.SearchAsync(SampleArchive.Query("armed drones", SearchMode.Dense), Ct))[0].Article.Id);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_written()
    {
        var mark = server.Calls.Count;
        var chunks = SampleArchive.Chunks(SampleArchive.Brexit);
        IndexedArticle With(params ReadOnlyMemory<float>[] vectors) =>
            new(SampleArchive.Brexit, [new IndexedChunk(chunks[0], vectors), .. chunks.Skip(1).Select(c => new IndexedChunk(c, []))]);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.SaveAsync([SampleArchive.Indexed(SampleArchive.Coal),
            With(SampleArchive.Embed("a"), new float[5])], Ct));
        Assert.Contains("5-d", error.Message);
        var nan = new float[SampleArchive.Space.Dimensions];
        nan[3] = float.NaN;
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync([SampleArchive.Indexed(SampleArchive.Coal), With(nan)], Ct));
        var stray = new IndexedArticle(SampleArchive.Coal, [new IndexedChunk(chunks[0], [])]);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync([stray], Ct));
        Assert.Equal(mark, server.Calls.Count);
    }

    [Fact]
    public async Task Points_carry_the_payload_that_filters_listing_and_citations_need()
    {
        var article = SampleArchive.Drones with { Author = "A. Writer", Place = "Niamey", Url = "https://example.com/a", Tags = ["WorldNews"] };
        await store.SaveAsync([SampleArchive.Indexed(article)], Ct);
        var chunk = Collection.Points.Single(p => p.Id == PointIds.ForChunk(article.Id + "-001"));
        Assert.Equal("chunk", Text(chunk, "kind"));
        Assert.Equal("2017-11-01T00:00:00+00:00", Text(chunk, "published"));
        Assert.Equal("reuters", Text(chunk, "source_key"));
        Assert.Equal(["worldnews"], chunk.Payload["tags"].ListValue.Values.Select(t => t.StringValue));
        Assert.Equal(["Niamey", "A. Writer", article.Title], new[] { "place", "author", "context" }.Select(k => Text(chunk, k)));
        Assert.Equal((1L, Value.KindOneofCase.IntegerValue), (chunk.Payload["ordinal"].IntegerValue, chunk.Payload["start"].KindCase));
        Assert.Single(chunk.Dense["dense"]); // one sentence, one vector
        Assert.True(chunk.Sparse.ContainsKey("bm25"));
        var articlePoint = Collection.Points.Single(p => p.Id == PointIds.ForArticle(article.Id));
        // The text is stored once: the article point holds only what no chunk covers (here the space after each chunk's full stop).
        Assert.Null(Text(articlePoint, "text"));
        Assert.Equal(article.Text.Length, articlePoint.Payload["text_length"].IntegerValue);
        Assert.Equal([" ", " "], articlePoint.Payload["text_gaps"].ListValue.Values.Select(g => g.StructValue.Fields["text"].StringValue));
        Assert.Empty(articlePoint.Dense);
        Assert.Empty(articlePoint.Sparse);
    }

    [Fact]
    public async Task A_paged_article_reads_back_with_its_page_starts_and_its_passages_with_their_pages()
    {
        var second = SampleArchive.Chunks(SampleArchive.Drones)[1].Start;
        var article = SampleArchive.Drones with { PageStarts = [0, second] };
        var chunks = SampleArchive.Chunks(article).Select(c => new IndexedChunk(c with { Page = article.PageAt(c.Start) }, [SampleArchive.Embed(c.Text)]));
        await store.SaveAsync([new IndexedArticle(article, [.. chunks])], Ct);

        var stored = Collection.Points.Single(p => p.Id == PointIds.ForArticle(article.Id)).Payload["page_starts"];
        Assert.Equal([0L, second], stored.ListValue.Values.Select(v => v.IntegerValue));
        Assert.Equivalent(article, await store.GetArticleAsync(article.Id, Ct), strict: true);
        var passages = await store.SearchAsync(SampleArchive.Query("armed drones", SearchMode.Lexical), Ct);
        Assert.All(passages, p => Assert.Equal(p.Chunk.Start < second ? 1 : 2, p.Chunk.Page));
    }

    [Fact]
    public async Task An_article_whose_chunks_are_not_its_text_keeps_its_full_text()
    {
        var article = SampleArchive.Drones;
        var chunks = SampleArchive.Chunks(article);
        var reworded = chunks[0] with { Text = chunks[0].Text.ToUpperInvariant() };
        await store.SaveAsync([new IndexedArticle(article, [.. new[] { reworded }.Concat(chunks.Skip(1)).Select(c => new IndexedChunk(c, []))])], Ct);

        Assert.Equal(article.Text, Text(Collection.Points.Single(p => p.Id == PointIds.ForArticle(article.Id)), "text"));
        Assert.Equivalent(article, await store.GetArticleAsync(article.Id, Ct), strict: true);
    }

    [Fact]
    public async Task Article_points_written_with_the_full_text_read_as_before()
    {
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        // The layout before the text was stored once: the whole text on the article point, no gaps.
        var payload = Collection.Points.Single(p => p.Id == PointIds.ForArticle(SampleArchive.Drones.Id)).Payload;
        payload.Remove("text_length");
        payload.Remove("text_gaps");
        payload["text"] = SampleArchive.Drones.Text;
        foreach (var chunk in Collection.Points.Where(p => Text(p, "kind") == "chunk")) chunk.Payload["text"] = "(not read)";

        Assert.Equivalent(SampleArchive.Drones, await store.GetArticleAsync(SampleArchive.Drones.Id, Ct), strict: true);
    }

    [Fact]
    public async Task Listing_orders_by_date_then_title_with_undated_last_at_every_offset()
    {
        var day = new DateTimeOffset(2017, 5, 5, 0, 0, 0, TimeSpan.Zero);
        Article Make(string id, string title, DateTimeOffset? published) => SampleArchive.Article(id, title, ["Text of " + title], published);
        var all = new[]
        {
            Make("a1", "Zeta", day), Make("a2", "Alpha", day), Make("a3", "Mu", day), Make("a4", "Beta", day.AddDays(1)),
            Make("a5", "Old", day.AddYears(-1)), Make("a6", "Undated B", null), Make("a7", "Undated A", null), Make("a8", "Gamma", day),
        };
        await store.SaveAsync([.. all.Select(a => SampleArchive.Indexed(a))], Ct);
        var expected = all.OrderBy(a => a.Published is null).ThenByDescending(a => a.Published).ThenBy(a => a.Title, StringComparer.Ordinal)
            .Select(a => a.Id).ToList();
        for (var offset = 0; offset <= all.Length; offset++)
        foreach (var limit in new[] { 1, 3 })
        {
            var page = await store.ListArticlesAsync(offset, limit, cancellationToken: Ct);
            Assert.Equal(all.Length, page.Total);
            Assert.Equal(expected.Skip(offset).Take(limit), page.Items.Select(a => a.Id));
        }
    }

    /// <summary>"chunk", "article" or "" for an upsert's point kinds.</summary>
    private static string Kinds(Google.Protobuf.IMessage request) => request is UpsertPoints upsert
        ? string.Join(",", upsert.Points.Select(p => p.Payload["kind"].StringValue).Distinct())
        : "";
}
