using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Testing;
using Bot.Testing.Qdrant;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Tests.EndToEnd;

/// <summary>An existing collection must fit; otherwise the store refuses it with a message naming the fix.</summary>
public sealed class InitializationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static VectorsConfig Dense(ulong size, Distance distance, bool multi = true) => new()
    {
        ParamsMap = new VectorParamsMap
        {
            Map = { ["dense"] = new VectorParams { Size = size, Distance = distance, MultivectorConfig = multi ? new MultiVectorConfig { Comparator = MultiVectorComparator.MaxSim } : null } },
        },
    };

    private static SparseVectorConfig Bm25(Modifier modifier = Modifier.Idf) =>
        new() { Map = { ["bm25"] = new SparseVectorParams { Modifier = modifier } } };

    [Fact]
    public async Task Initialising_twice_is_harmless_and_keeps_the_data()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Coal)], Ct);
        using var second = TestStores.Create(server.Url);
        await second.InitializeAsync(SampleArchive.Space, Ct);
        using var lexical = TestStores.Create(server.Url);
        await lexical.InitializeAsync(null, Ct); // lexical use of a dense collection is fine
        Assert.Single(server.CallsTo("Collections/Create"));
        Assert.Equal(5, server.CallsTo("Points/CreateFieldIndex").Count());
        Assert.NotNull(await store.GetArticleAsync(SampleArchive.Coal.Id, Ct));
    }

    [Fact]
    public async Task A_collection_created_meanwhile_is_accepted()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        // Another instance creates the collection between our exists-check and our create: Qdrant answers AlreadyExists.
        server.Engine.Handle("qdrant.Collections/Create", new CreateCollection { CollectionName = "news", VectorsConfig = Dense(16, Distance.Cosine), SparseVectorsConfig = Bm25() });
        server.Inject("Collections/CollectionExists", new FakeFault(Answer: new CollectionExistsResponse { Result = new CollectionExists { Exists = false } }));
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        Assert.Single(server.CallsTo("Collections/Create"));
        Assert.Equal(5, server.Engine.Collection("news")!.Indexes.Count);
        Assert.Empty(server.Violations);
    }

    public static TheoryData<string, string> Misfits => new()
    {
        { "32-d", "32-d Cosine" },
        { "single", "one vector per point" },
        { "dot", "16-d Dot" },
        { "lexical", "without dense vectors" },
        { "no-idf", "lacks the IDF modifier" },
        { "no-sparse", "no sparse vector 'bm25'" },
    };

    [Theory]
    [MemberData(nameof(Misfits))]
    public async Task A_collection_that_does_not_fit_is_refused(string kind, string expected)
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        var existing = new CreateCollection { CollectionName = "news", SparseVectorsConfig = Bm25() };
        switch (kind)
        {
            case "32-d": existing.VectorsConfig = Dense(32, Distance.Cosine); break;
            case "single": existing.VectorsConfig = Dense(16, Distance.Cosine, multi: false); break;
            case "dot": existing.VectorsConfig = Dense(16, Distance.Dot, multi: false); break;
            case "no-idf": existing.VectorsConfig = Dense(16, Distance.Cosine); existing.SparseVectorsConfig = Bm25(Modifier.None); break;
            case "no-sparse": existing.VectorsConfig = Dense(16, Distance.Cosine); existing.SparseVectorsConfig = null; break;
        }
        server.Engine.Handle("qdrant.Collections/Create", existing);
        using var store = TestStores.Create(server.Url);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.InitializeAsync(SampleArchive.Space, Ct));
        Assert.Contains(expected, error.Message);
        Assert.Contains("Qdrant collection 'news'", error.Message);
    }

    [Fact]
    public async Task Vectors_of_another_model_with_the_same_size_are_refused()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var first = TestStores.Create(server.Url);
        await first.InitializeAsync(new EmbeddingSpace("model-a", 16), Ct);
        using var second = TestStores.Create(server.Url);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => second.InitializeAsync(new EmbeddingSpace("model-b", 16), Ct));
        Assert.Contains("'model-a', not 'model-b'", error.Message);
    }

    [Fact]
    public async Task A_store_used_without_initialising_reads_the_collection_shape()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var first = TestStores.Create(server.Url);
        await first.InitializeAsync(SampleArchive.Space, Ct);
        using var fresh = TestStores.Create(server.Url);
        await fresh.SaveAsync([SampleArchive.Indexed(SampleArchive.Brexit)], Ct);
        var found = await fresh.SearchAsync(SampleArchive.Query("Brexit negotiations", SearchMode.Dense), Ct);
        Assert.Equal(SampleArchive.Brexit.Id, found.First().Article.Id);
    }

    [Fact]
    public async Task Dense_search_on_a_lexical_collection_says_so()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(null, Ct);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.SearchAsync(SampleArchive.Query("drones", SearchMode.Hybrid), Ct));
        Assert.Contains("no dense vectors", error.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(SampleArchive.Query("drones") with { Mode = SearchMode.Dense }, Ct));
    }

    [Fact]
    public async Task Stats_report_what_grpc_reports_and_say_what_it_cannot()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        var stats = await store.GetStatsAsync(Ct);

        Assert.Equal((1L, 3L, 3L, SampleArchive.Space), (stats.Articles, stats.Chunks, stats.ChunksWithVectors, stats.Space));
        Assert.Equal(("green", "5", "1", "news", "1.19.0"),
            (stats.Details["status"], stats.Details["points"], stats.Details["segments"], stats.Details["collection"], stats.Details["server_version"]));
        Assert.Equal("article_id:keyword, kind:keyword, published:datetime, source_key:keyword, tags:keyword", stats.Details["payload_indexes"]);
        Assert.Equal(0, stats.BytesOnDisk);
        Assert.StartsWith("not reported over gRPC", stats.Details["disk_bytes"]);
    }

    [Theory]
    [InlineData(CollectionStatus.Green, HealthStatus.Healthy)]
    [InlineData(CollectionStatus.Yellow, HealthStatus.Degraded)]
    [InlineData(CollectionStatus.Grey, HealthStatus.Degraded)]
    [InlineData(CollectionStatus.Red, HealthStatus.Unhealthy)]
    public async Task Readiness_is_the_health_check_and_the_collections_status(CollectionStatus status, HealthStatus expected)
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(null, Ct);
        server.Engine.Collection("news")!.Status = status;

        var result = await new QdrantHealthCheck(store).CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal(expected, result.Status);
        Assert.Contains("Qdrant 1.19.0", result.Description);
        Assert.Contains("qdrant.Qdrant/HealthCheck", server.Calls.Select(c => c.Rpc));
    }

    [Fact]
    public async Task Readiness_without_the_collection_is_unhealthy_and_says_why()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        var result = await new QdrantHealthCheck(store).CheckHealthAsync(new HealthCheckContext(), Ct);
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("doesn't exist", result.Description);
    }
}
