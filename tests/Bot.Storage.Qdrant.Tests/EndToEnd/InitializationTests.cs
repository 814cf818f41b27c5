using System.Text.Json.Nodes;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Testing;
using Bot.Testing.Qdrant;

namespace Bot.Storage.Qdrant.Tests.EndToEnd;

/// <summary>An existing collection must fit; otherwise the store refuses it with a message naming the fix.</summary>
public sealed class InitializationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initialising_twice_is_harmless_and_keeps_the_data()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Coal)], Ct);
        await TestStores.Create(server.Url).InitializeAsync(SampleArchive.Space, Ct);
        await TestStores.Create(server.Url).InitializeAsync(null, Ct); // lexical use of a dense collection is fine
        Assert.Single(server.RequestsTo("PUT", "/collections/news"), r => r.Path == "/collections/news");
        Assert.Equal(5, server.RequestsTo("PUT", "/index").Count());
        Assert.NotNull(await store.GetArticleAsync(SampleArchive.Coal.Id, Ct));
    }

    [Fact]
    public async Task A_collection_created_meanwhile_409_is_accepted()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        // Another instance creates the collection between our exists-check and our create.
        server.Engine.Handle("PUT", "/collections/news", JsonNode.Parse("""{"vectors":{"dense":{"size":16,"distance":"Cosine","multivector_config":{"comparator":"max_sim"}}},"sparse_vectors":{"bm25":{"modifier":"idf"}}}"""));
        server.Inject("/exists", new Fault(Status: 200, Json: """{"result":{"exists":false},"status":"ok","time":0}"""));
        await TestStores.Create(server.Url).InitializeAsync(SampleArchive.Space, Ct);
        Assert.Single(server.RequestsTo("PUT", "/collections/news"), r => r.Path == "/collections/news");
        Assert.Empty(server.Violations);
    }

    [Theory]
    [InlineData("""{"vectors":{"dense":{"size":32,"distance":"Cosine","multivector_config":{"comparator":"max_sim"}}},"sparse_vectors":{"bm25":{"modifier":"idf"}}}""", "32-d Cosine")]
    [InlineData("""{"vectors":{"dense":{"size":16,"distance":"Cosine"}},"sparse_vectors":{"bm25":{"modifier":"idf"}}}""", "one vector per point")]
    [InlineData("""{"vectors":{"dense":{"size":16,"distance":"Dot"}},"sparse_vectors":{"bm25":{"modifier":"idf"}}}""", "16-d Dot")]
    [InlineData("""{"sparse_vectors":{"bm25":{"modifier":"idf"}}}""", "without dense vectors")]
    [InlineData("""{"vectors":{"size":16,"distance":"Cosine"},"sparse_vectors":{"bm25":{"modifier":"idf"}}}""", "without dense vectors")]
    [InlineData("""{"vectors":{"dense":{"size":16,"distance":"Cosine","multivector_config":{"comparator":"max_sim"}}},"sparse_vectors":{"bm25":{}}}""", "lacks the IDF modifier")]
    [InlineData("""{"vectors":{"dense":{"size":16,"distance":"Cosine"}}}""", "no sparse vector 'bm25'")]
    public async Task A_collection_that_does_not_fit_is_refused(string existing, string expected)
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        server.Engine.Handle("PUT", "/collections/news", JsonNode.Parse(existing));
        var error = await Assert.ThrowsAsync<ArchiveException>(() => TestStores.Create(server.Url).InitializeAsync(SampleArchive.Space, Ct));
        Assert.Contains(expected, error.Message);
        Assert.Contains("Qdrant collection 'news'", error.Message);
    }

    [Fact]
    public async Task Vectors_of_another_model_with_the_same_size_are_refused()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        await TestStores.Create(server.Url).InitializeAsync(new EmbeddingSpace("model-a", 16), Ct);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => TestStores.Create(server.Url).InitializeAsync(new EmbeddingSpace("model-b", 16), Ct));
        Assert.Contains("'model-a', not 'model-b'", error.Message);
    }

    [Fact]
    public async Task A_store_used_without_initialising_reads_the_collection_shape()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        await TestStores.Create(server.Url).InitializeAsync(SampleArchive.Space, Ct);
        var fresh = TestStores.Create(server.Url);
        await fresh.SaveAsync([SampleArchive.Indexed(SampleArchive.Brexit)], Ct);
        var found = await fresh.SearchAsync(SampleArchive.Query("Brexit negotiations", SearchMode.Dense), Ct);
        Assert.Equal(SampleArchive.Brexit.Id, found.First().Article.Id);
    }

    [Fact]
    public async Task Dense_search_on_a_lexical_collection_says_so()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url);
        await store.InitializeAsync(null, Ct);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.SearchAsync(SampleArchive.Query("drones", SearchMode.Hybrid), Ct));
        Assert.Contains("no dense vectors", error.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(SampleArchive.Query("drones") with { Mode = SearchMode.Dense }, Ct));
    }

    [Fact]
    public async Task Stats_report_the_footprint_and_survive_a_refused_telemetry()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        var stats = await store.GetStatsAsync(Ct);
        Assert.Equal(4000 + 5 * 100, stats.BytesOnDisk); // the fake's segment sizes for 5 points
        Assert.Equal("1050", stats.Details["ram_bytes"]);
        Assert.Equal("news", stats.Details["collection"]);

        server.Inject("/telemetry", new Fault(Status: 403, Message: "Forbidden: read-only key"));
        var limited = await store.GetStatsAsync(Ct);
        Assert.Equal(0, limited.BytesOnDisk);
        Assert.StartsWith("unavailable:", limited.Details["disk_bytes"]);
        Assert.Equal(stats.Chunks, limited.Chunks);
    }
}
