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
        "POST /collections/{c}/points/query", "POST /collections/{c}/points/query/groups", "GET /telemetry",
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
        foreach (var mode in Enum.GetValues<SearchMode>())
        foreach (var cap in new[] { 0, 1, 10 })
        foreach (var f in new[] { SearchFilter.None, filter })
            await store.SearchAsync(SampleArchive.Query("drones over Niger", mode, top: 3, maxPerArticle: cap, filter: f), Ct);
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
    public async Task Searches_ask_only_for_the_payload_fields_a_passage_needs()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        await store.SearchAsync(SampleArchive.Query("drones", SearchMode.Hybrid, maxPerArticle: 1), Ct);
        var body = JsonNode.Parse(server.RequestsTo("POST", "/points/query/groups").Single().Body!)!;
        var fields = body["with_payload"]!.AsArray().Select(f => (string)f!).ToList();
        Assert.DoesNotContain("fingerprint", fields);
        Assert.DoesNotContain("author", fields);
        Assert.Contains("text", fields);
        Assert.Equal("rrf", (string)body["query"]!["fusion"]!);
        Assert.Equal(["dense", "bm25"], body["prefetch"]!.AsArray().Select(p => (string)p!["using"]!));
        Assert.Equal("article_id", (string)body["group_by"]!);
        Assert.Equal(1, (int)body["group_size"]!);
    }

    /// <summary>"/collections/news/points/query" → "/collections/{c}/points/query".</summary>
    private static string Template(string path)
    {
        var parts = path.Split('/');
        if (parts.Length > 2 && parts[1] == "collections") parts[2] = "{c}";
        return string.Join('/', parts);
    }
}
