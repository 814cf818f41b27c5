using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Testing;
using Bot.Testing.Qdrant;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Tests.Contract;

/// <summary>
/// Drives every store operation, in every mode, through the fake server, which walks each request and answer
/// against Qdrant 1.19's descriptors; then checks that every rpc the store calls was exercised.
/// </summary>
public sealed class EveryCallHonoursTheContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every rpc the store calls; adding a call to the store without exercising it here fails the test.</summary>
    private static readonly string[] Rpcs =
    [
        "qdrant.Qdrant/HealthCheck", "qdrant.Collections/CollectionExists", "qdrant.Collections/Create", "qdrant.Collections/Get",
        "qdrant.Points/CreateFieldIndex", "qdrant.Points/Upsert", "qdrant.Points/Delete", "qdrant.Points/Get", "qdrant.Points/Count",
        "qdrant.Points/Scroll", "qdrant.Points/Query", "qdrant.Points/QueryBatch", "qdrant.Points/QueryGroups",
    ];

    [Fact]
    public async Task Every_operation_in_every_mode_sends_only_what_1_19_defines()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        var undated = SampleArchive.Article("undated1", "No date here", ["Drones were seen over the border"], published: null, source: null);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones), SampleArchive.Indexed(SampleArchive.Coal, withVectors: false),
            SampleArchive.Indexed(SampleArchive.Brexit), SampleArchive.Indexed(undated)], Ct);
        await store.GetFingerprintsAsync([SampleArchive.Drones.Id, "missing"], Ct);
        await store.GetArticleAsync(SampleArchive.Drones.Id, Ct);
        var filter = new SearchFilter
        {
            From = new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)),
            To = new DateTimeOffset(2017, 12, 31, 23, 59, 59, 500, TimeSpan.Zero),
            Source = "Reuters",
            Tags = ["WorldNews", "europe"],
            ArticleIds = [SampleArchive.Drones.Id, SampleArchive.Brexit.Id],
        };
        foreach (var fusion in Enum.GetValues<QdrantHybridFusion>())
        {
            using var searcher = TestStores.Create(server.Url, o => o.HybridFusion = fusion);
            foreach (var mode in Enum.GetValues<SearchMode>())
            foreach (var cap in new[] { 0, 1, 10 })
            foreach (var f in new[] { SearchFilter.None, filter })
            foreach (var text in new[] { "drones over Niger", "the of and" })
                await searcher.SearchAsync(SampleArchive.Query(text, mode, top: 3, maxPerArticle: cap, filter: f), Ct);
        }
        await store.ListArticlesAsync(0, 2, cancellationToken: Ct);
        await store.ListArticlesAsync(3, 5, cancellationToken: Ct);
        await store.ListArticlesAsync(0, 10, filter, Ct);
        await store.GetStatsAsync(Ct);
        await store.CheckHealthAsync(Ct);
        await store.DeleteArticleAsync(SampleArchive.Coal.Id, Ct);
        await store.DeleteArticleAsync("missing", Ct);

        Assert.Empty(server.Violations);
        Assert.Equal(Rpcs.Order(), server.Calls.Select(c => c.Rpc).Distinct().Order());
        Assert.All(Rpcs, rpc => Assert.Contains(rpc, QdrantContract.Load().Rpcs));
    }

    [Fact]
    public async Task Writes_wait_until_applied()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        await store.DeleteArticleAsync(SampleArchive.Drones.Id, Ct);
        var upserts = server.Requests<UpsertPoints>("Points/Upsert").ToList();
        var deletes = server.Requests<DeletePoints>("Points/Delete").ToList();
        var indexes = server.Requests<CreateFieldIndexCollection>("Points/CreateFieldIndex").ToList();
        Assert.NotEmpty(upserts);
        Assert.NotEmpty(deletes);
        Assert.All(upserts, u => Assert.True(u.Wait));
        Assert.All(deletes, d => Assert.True(d.Wait));
        Assert.All(indexes, i => Assert.True(i.Wait));
    }

    [Theory]
    [InlineData("1.19.0", true)]
    [InlineData("1.12.4", false)]
    public async Task The_collection_is_created_with_the_layout_the_server_version_understands(string version, bool memoryPlacement)
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        server.Engine.Version = version;
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(new EmbeddingSpace("m", 8), Ct);

        Assert.Empty(server.Violations);
        var create = server.Engine.Collection("news")!.CreateRequest;
        var dense = create.VectorsConfig.ParamsMap.Map["dense"];
        Assert.Equal((8UL, Distance.Cosine), (dense.Size, dense.Distance));
        Assert.Equal(QuantizationType.Int8, dense.QuantizationConfig.Scalar.Type);
        Assert.Equal(MultiVectorComparator.MaxSim, dense.MultivectorConfig.Comparator);
        Assert.Equal(Modifier.Idf, create.SparseVectorsConfig.Map["bm25"].Modifier);
#pragma warning disable CS0612 // the deprecated flags are what older servers understand
        if (memoryPlacement)
        {
            Assert.Equal((Memory.Cold, Memory.Pinned), (dense.Memory, dense.QuantizationConfig.Scalar.Memory));
            Assert.False(dense.HasOnDisk);
        }
        else
        {
            Assert.True(dense.OnDisk && dense.QuantizationConfig.Scalar.AlwaysRam);
            Assert.False(dense.HasMemory);
        }
#pragma warning restore CS0612
        Assert.Equal(new Dictionary<string, PayloadSchemaType>
        {
            ["kind"] = PayloadSchemaType.Keyword, ["article_id"] = PayloadSchemaType.Keyword, ["published"] = PayloadSchemaType.Datetime,
            ["source_key"] = PayloadSchemaType.Keyword, ["tags"] = PayloadSchemaType.Keyword,
        }, server.Engine.Collection("news")!.Indexes);
    }

    [Fact]
    public async Task Without_an_embedding_model_the_collection_is_lexical_only()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(null, Ct);
        var create = server.Engine.Collection("news")!.CreateRequest;
        Assert.Null(create.VectorsConfig);
        Assert.True(create.SparseVectorsConfig.Map.ContainsKey("bm25"));
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task Rrf_hybrid_is_one_server_side_call_with_two_prefetches_grouped_by_article_then_one_for_the_passages()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url, o => o.HybridFusion = QdrantHybridFusion.Rrf);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        var mark = server.Calls.Count;
        await store.SearchAsync(SampleArchive.Query("drones", SearchMode.Hybrid, maxPerArticle: 1), Ct);

        var calls = server.Calls.Skip(mark).ToList();
        Assert.Equal(["qdrant.Points/QueryGroups", "qdrant.Points/Get"], calls.Select(c => c.Rpc));
        var groups = (QueryPointGroups)calls[0].Request;
        Assert.False(groups.WithPayload.Enable); // the hits' ids and scores; the passages of the best come by id
        AssertPassageFieldsOnly(((GetPoints)calls[1].Request).WithPayload);
        Assert.Equal(Fusion.Rrf, groups.Query.Fusion);
        Assert.Equal(["dense", "bm25"], groups.Prefetch.Select(p => p.Using));
        Assert.Equal(("article_id", 1UL), (groups.GroupBy, groups.GroupSize));
    }

    [Fact]
    public async Task Score_hybrid_is_one_batch_call_for_candidates_under_the_same_filter_then_one_for_the_winners_passages()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url, o => o.PrefetchLimit = 40);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        var mark = server.Calls.Count;
        await store.SearchAsync(SampleArchive.Query("armed drones", SearchMode.Hybrid, top: 5, maxPerArticle: 4,
            filter: new SearchFilter { Source = "Reuters" }), Ct);

        var calls = server.Calls.Skip(mark).ToList();
        Assert.Equal(["qdrant.Points/QueryBatch", "qdrant.Points/Get"], calls.Select(c => c.Rpc));
        var (batch, winners) = ((QueryBatchPoints)calls[0].Request, (GetPoints)calls[1].Request);
        Assert.Empty(server.Violations);
        Assert.InRange(winners.Ids.Count, 1, 5);
        AssertPassageFieldsOnly(winners.WithPayload);
        Assert.Equal(["bm25", "dense"], batch.QueryPoints.Select(s => s.Using));
        var sparse = batch.QueryPoints[0].Query.Nearest.Sparse;
        Assert.Equal(3, sparse.Indices.Count); // arm, drone, arm_drone
        Assert.Equal([0.5f, 1f, 1f], sparse.Values.Order());
        var dense = batch.QueryPoints[1].Query.Nearest.MultiDense; // a multivector of one
        Assert.Equal(SampleArchive.Space.Dimensions, Assert.Single(dense.Vectors).Data.Count);
        foreach (var search in batch.QueryPoints)
        {
            Assert.Equal((ulong)(5 * 4 * 3), search.Limit); // top × cap × 3 beats PrefetchLimit 40
            Assert.Equal("reuters", search.Filter.Must[0].Field.Match.Keyword);
            Assert.Equal(WithPayloadSelector.SelectorOptionsOneofCase.Enable, search.WithPayload.SelectorOptionsCase);
            Assert.False(search.WithPayload.Enable); // fusion reads ids and scores; the cap reads the winners' passages
            Assert.Empty(search.Prefetch);
        }
    }

    [Fact]
    public async Task Winners_the_cap_sets_aside_are_replaced_by_the_next_ones_read_twice_the_shortfall_at_a_time()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones), SampleArchive.Indexed(SampleArchive.Coal)], Ct);
        var mark = server.Calls.Count;
        var found = await store.SearchAsync(SampleArchive.Query("armed drones coal", SearchMode.Hybrid, top: 3, maxPerArticle: 1), Ct);

        Assert.Equal([SampleArchive.Coal.Id, SampleArchive.Drones.Id], found.Select(p => p.Article.Id).Order());
        var reads = server.Calls.Skip(mark + 1).Select(c => ((GetPoints)c.Request).Ids.Select(id => id.Uuid).ToList()).ToList();
        // 3 wanted, 2 articles: each read after the first asks for the one missing, twice as many as the last time, until the candidates run out.
        Assert.Equal(3, reads[0].Count);
        Assert.True(reads.Count > 1);
        Assert.All(reads.Skip(1).SkipLast(1).Select((r, i) => (r, i)), x => Assert.Equal(2 << x.i, x.r.Count));
        Assert.Equal(reads.Sum(r => r.Count), reads.SelectMany(r => r).Distinct().Count()); // none read twice
    }

    private static void AssertPassageFieldsOnly(WithPayloadSelector withPayload)
    {
        var fields = withPayload.Include.Fields;
        Assert.DoesNotContain("fingerprint", fields);
        Assert.DoesNotContain("author", fields);
        Assert.Contains("text", fields);
    }
}
