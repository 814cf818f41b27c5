using System.Text.Json.Nodes;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Testing;
using Bot.Testing.Qdrant;

namespace Bot.Storage.Qdrant.Tests.Contract;

/// <summary>
/// Drives every store operation, in every mode, through the fake server and checks each request
/// against the spec as it arrives; then checks that every endpoint the adapter uses was exercised.
/// </summary>
public sealed class EveryRequestHonoursTheContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Endpoints =
    [
        "GET /", "GET /readyz", "GET /collections/{c}/exists", "PUT /collections/{c}", "GET /collections/{c}",
        "PUT /collections/{c}/index", "PUT /collections/{c}/points", "POST /collections/{c}/points",
        "POST /collections/{c}/points/delete", "POST /collections/{c}/points/count", "POST /collections/{c}/points/scroll",
        "POST /collections/{c}/points/query", "POST /collections/{c}/points/query/groups", "POST /collections/{c}/points/query/batch",
        "GET /telemetry",
    ];

    [Fact]
    public async Task Every_operation_in_every_mode_sends_only_valid_requests()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url);
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
        foreach (var mode in Enum.GetValues<SearchMode>())
        foreach (var cap in new[] { 0, 1, 10 })
        foreach (var f in new[] { SearchFilter.None, filter })
        foreach (var text in new[] { "drones over Niger", "the of and" })
            await TestStores.Create(server.Url, o => o.HybridFusion = fusion)
                .SearchAsync(SampleArchive.Query(text, mode, top: 3, maxPerArticle: cap, filter: f), Ct);
        await store.ListArticlesAsync(0, 2, cancellationToken: Ct);
        await store.ListArticlesAsync(3, 5, cancellationToken: Ct);
        await store.ListArticlesAsync(0, 10, filter, Ct);
        await store.GetStatsAsync(Ct);
        await store.DeleteArticleAsync(SampleArchive.Coal.Id, Ct);
        await store.DeleteArticleAsync("missing", Ct);

        Assert.Empty(server.Violations);
        var used = server.Requests.Select(r => $"{r.Method} {Template(r.Path)}").ToHashSet();
        Assert.Equal(Endpoints.Order(), used.Order());
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/points/search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writes_wait_until_applied()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        await store.DeleteArticleAsync(SampleArchive.Drones.Id, Ct);
        var writes = server.Requests.Where(r => r.Path.EndsWith("/points") && r.Method == "PUT" || r.Path.EndsWith("/delete") || r.Path.EndsWith("/index")).ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, w => Assert.Contains("wait=true", w.PathAndQuery));
    }

    [Theory]
    [InlineData("1.19.0", true)]
    [InlineData("1.12.4", false)]
    public async Task The_collection_is_created_with_the_layout_the_server_version_understands(string version, bool memoryPlacement)
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        server.Engine.Version = version;
        await TestStores.Create(server.Url).InitializeAsync(new EmbeddingSpace("m", 8), Ct);

        Assert.Empty(server.Violations);
        var create = server.Engine.Collection("news")!.CreateRequest;
        var dense = create["vectors"]!["dense"]!;
        Assert.Equal(8, (int)dense["size"]!);
        Assert.Equal("Cosine", (string)dense["distance"]!);
        Assert.Equal("int8", (string)dense["quantization_config"]!["scalar"]!["type"]!);
        Assert.Equal("max_sim", (string)dense["multivector_config"]!["comparator"]!);
        Assert.Equal("idf", (string)create["sparse_vectors"]!["bm25"]!["modifier"]!);
        if (memoryPlacement)
        {
            Assert.Equal("cold", (string)dense["memory"]!);
            Assert.Equal("pinned", (string)dense["quantization_config"]!["scalar"]!["memory"]!);
            Assert.Null(dense["on_disk"]);
        }
        else
        {
            Assert.True((bool)dense["on_disk"]!);
            Assert.True((bool)dense["quantization_config"]!["scalar"]!["always_ram"]!);
            Assert.Null(dense["memory"]);
        }
        Assert.Equal(new Dictionary<string, string>
        {
            ["kind"] = "keyword", ["article_id"] = "keyword", ["published"] = "datetime", ["source_key"] = "keyword", ["tags"] = "keyword",
        }, server.Engine.Collection("news")!.Indexes);
    }

    [Fact]
    public async Task Without_an_embedding_model_the_collection_is_lexical_only()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        await TestStores.Create(server.Url).InitializeAsync(null, Ct);
        var create = server.Engine.Collection("news")!.CreateRequest;
        Assert.Null(create["vectors"]);
        Assert.NotNull(create["sparse_vectors"]!["bm25"]);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task Rrf_hybrid_is_one_server_side_request_with_two_prefetches_grouped_by_article()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url, o => o.HybridFusion = QdrantHybridFusion.Rrf);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        var mark = server.Requests.Count;
        await store.SearchAsync(SampleArchive.Query("drones", SearchMode.Hybrid, maxPerArticle: 1), Ct);

        var request = Assert.Single(server.Requests.Skip(mark));
        Assert.EndsWith("/points/query/groups", request.Path);
        var body = JsonNode.Parse(request.Body!)!;
        AssertPassageFieldsOnly(body["with_payload"]!);
        Assert.Equal("rrf", (string)body["query"]!["fusion"]!);
        Assert.Equal(["dense", "bm25"], body["prefetch"]!.AsArray().Select(p => (string)p!["using"]!));
        Assert.Equal("article_id", (string)body["group_by"]!);
        Assert.Equal(1, (int)body["group_size"]!);
    }

    [Fact]
    public async Task Score_hybrid_is_one_batch_request_for_candidates_under_the_same_filter_then_one_for_the_winners_passages()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url, o => o.PrefetchLimit = 40);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        var mark = server.Requests.Count;
        await store.SearchAsync(SampleArchive.Query("armed drones", SearchMode.Hybrid, top: 5, maxPerArticle: 4,
            filter: new SearchFilter { Source = "Reuters" }), Ct);

        var requests = server.Requests.Skip(mark).ToList();
        Assert.Equal(2, requests.Count);
        var (request, retrieve) = (requests[0], requests[1]);
        Assert.EndsWith("/points/query/batch", request.Path);
        Assert.EndsWith("/points", retrieve.Path);
        Assert.Empty(server.Violations);
        var winners = JsonNode.Parse(retrieve.Body!)!;
        Assert.InRange(winners["ids"]!.AsArray().Count, 1, 5);
        AssertPassageFieldsOnly(winners["with_payload"]!);
        var searches = JsonNode.Parse(request.Body!)!["searches"]!.AsArray();
        Assert.Equal(["bm25", "dense"], searches.Select(s => (string)s!["using"]!));
        var sparse = searches[0]!["query"]!["nearest"]!;
        Assert.Equal(3, sparse["indices"]!.AsArray().Count); // arm, drone, arm_drone
        Assert.Equal([0.5, 1, 1], sparse["values"]!.AsArray().Select(v => (double)v!).Order());
        Assert.Equal(SampleArchive.Space.Dimensions, searches[1]!["query"]!["nearest"]![0]!.AsArray().Count); // a multivector of one
        foreach (var search in searches)
        {
            Assert.Equal(5 * 4 * 3, (int)search!["limit"]!); // top × cap × 3 beats PrefetchLimit 40
            Assert.Equal("reuters", (string)search["filter"]!["must"]![0]!["match"]!["value"]!);
            Assert.Equal(["article_id"], search["with_payload"]!.AsArray().Select(f => (string)f!)); // all fusion and the cap need
            Assert.Null(search["prefetch"]);
        }
    }

    private static void AssertPassageFieldsOnly(JsonNode withPayload)
    {
        var fields = withPayload.AsArray().Select(f => (string)f!).ToList();
        Assert.DoesNotContain("fingerprint", fields);
        Assert.DoesNotContain("author", fields);
        Assert.Contains("text", fields);
    }

    /// <summary>"/collections/news/points/query" → "/collections/{c}/points/query".</summary>
    private static string Template(string path)
    {
        var parts = path.Split('/');
        if (parts.Length > 2 && parts[1] == "collections") parts[2] = "{c}";
        return string.Join('/', parts);
    }
}
