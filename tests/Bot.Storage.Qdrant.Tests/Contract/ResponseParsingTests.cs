using System.Net;
using System.Text.Json.Nodes;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Testing;
using Bot.Testing.Qdrant;

namespace Bot.Storage.Qdrant.Tests.Contract;

/// <summary>
/// Answers shaped like the spec's response schemas (each one checked against the spec first),
/// including optional members the adapter ignores and Qdrant's error bodies.
/// </summary>
public sealed class ResponseParsingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Uri Url = new("http://qdrant.invalid:6333");
    private const string CollectionInfo = """
        {"result":{"status":"green","optimizer_status":"ok","indexed_vectors_count":0,"points_count":51,"segments_count":2,
          "config":{"params":{"vectors":{"dense":{"size":3,"distance":"Cosine","on_disk":true,"multivector_config":{"comparator":"max_sim"}}},"shard_number":1,"replication_factor":1,
            "write_consistency_factor":1,"on_disk_payload":true,"sparse_vectors":{"bm25":{"modifier":"idf"}}},
            "hnsw_config":{"m":16,"ef_construct":100,"full_scan_threshold":10000},
            "optimizer_config":{"default_segment_number":0,"flush_interval_sec":5},"quantization_config":null},
          "payload_schema":{"article_id":{"data_type":"keyword","points":51}},"warnings":[]},
         "status":"ok","time":0.0002,"usage":null}
        """;

    private static StubHandler Stub(string method, string path, string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        var spec = QdrantSpec.Load();
        var handler = new StubHandler().Answer("GET", "/collections/news", Checked(spec, "GET", "/collections/news", 200, CollectionInfo));
        return handler.Answer(method, path, Checked(spec, method, "/collections/news" + path, (int)status, body), status);
    }

    private static string Checked(QdrantSpec spec, string method, string path, int status, string body)
    {
        Assert.Empty(spec.ValidateResponse(method, path, status, body));
        return body;
    }

    public static string ScoredPoint(int i, string article) => $$$"""
        {"id":"00000000-0000-5000-8000-{{{i:D12}}}","version":7,"score":{{{1 - i * 0.01}}},"vector":null,"shard_key":null,"order_value":null,
         "payload":{"article_id":"{{{article}}}","title":"Title {{{article}}}","published":"2017-11-01T00:00:00+00:00","source":"Reuters",
           "url":null,"tags":["worldnews"],"chunk_count":60,"chunk_id":"{{{article}}}-{{{i:D3}}}","ordinal":{{{i}}},"start":{{{i * 10}}},"end":{{{i * 10 + 9}}},
           "text":"Chunk {{{i}}} text","context":"Title {{{article}}}"}}
        """;

    public static string Record(int i, string article) => $$$"""
        {"id":"00000000-0000-5000-8000-{{{i:D12}}}",
         "payload":{"article_id":"{{{article}}}","title":"Title {{{article}}}","published":"2017-11-01T00:00:00+00:00","source":"Reuters",
           "url":null,"tags":["worldnews"],"chunk_count":60,"chunk_id":"{{{article}}}-{{{i:D3}}}","ordinal":{{{i}}},"start":{{{i * 10}}},"end":{{{i * 10 + 9}}},
           "text":"Chunk {{{i}}} text","context":"Title {{{article}}}"}}
        """;

    public static string QueryResponse(int count) =>
        """{"result":{"points":[""" + string.Join(",", Enumerable.Range(0, count).Select(i => ScoredPoint(i, $"a{i % 7}")))
        + """]},"status":"ok","time":0.001,"usage":{"hardware":null}}""";

    [Fact]
    public async Task A_top_50_query_answer_maps_to_passages_in_order()
    {
        var store = TestStores.Create(Url, handler: Stub("POST", "/points/query", QueryResponse(50)));
        var passages = await store.SearchAsync(SampleArchive.Query("drones", top: 50, maxPerArticle: 0), Ct);

        Assert.Equal(50, passages.Count);
        var p = passages[3];
        Assert.Equal(("a3-003", "a3", 3, 30, 39, "Chunk 3 text", "Title a3"), (p.Chunk.Id, p.Chunk.ArticleId, p.Chunk.Ordinal, p.Chunk.Start, p.Chunk.End, p.Chunk.Text, p.Chunk.Context));
        Assert.Equal(new DateTimeOffset(2017, 11, 1, 0, 0, 0, TimeSpan.Zero), p.Article.Published);
        Assert.Equal(["worldnews"], p.Article.Tags);
        Assert.Equal(60, p.Article.ChunkCount);
        Assert.Null(p.Article.Url);
        Assert.Equal(0.97, p.Score, 6);
    }

    [Fact]
    public async Task A_groups_answer_is_flattened_by_score_and_cut_at_top()
    {
        var groups = $$$"""
            {"result":{"groups":[
              {"id":"a1","hits":[{{{ScoredPoint(1, "a1")}}},{{{ScoredPoint(4, "a1")}}}],"lookup":null},
              {"id":"a2","hits":[{{{ScoredPoint(2, "a2")}}},{{{ScoredPoint(3, "a2")}}}]},
              {"id":"a5","hits":[{{{ScoredPoint(5, "a5")}}}]}]},"status":"ok","time":0.001}
            """;
        var store = TestStores.Create(Url, handler: Stub("POST", "/points/query/groups", groups));
        var passages = await store.SearchAsync(SampleArchive.Query("drones", top: 4, maxPerArticle: 2), Ct);
        Assert.Equal(["a1-001", "a2-002", "a2-003", "a1-004"], passages.Select(p => p.Chunk.Id));
    }

    private static SearchQuery HybridQuery(int top) =>
        SampleArchive.Query("drones", SearchMode.Hybrid, top: top, maxPerArticle: 0) with { Vector = new float[] { 1, 0, 0 } };

    [Fact]
    public async Task A_batch_answer_is_fused_by_normalised_scores()
    {
        string Points(params (int I, string Article)[] hits) => """{"points":[""" + string.Join(",", hits.Select(h => ScoredPoint(h.I, h.Article))) + "]}";
        var batch = $$$"""{"result":[{{{Points((0, "a0"), (1, "a1"), (2, "a2"))}}},{{{Points((2, "a2"), (5, "a5"), (6, "a6"))}}}],"status":"ok","time":0.002}""";
        var winners = Records((0, "a0"), (1, "a1"), (2, "a2"), (5, "a5"));
        var handler = Stub("POST", "/points/query/batch", batch).Answer("POST", "/points", winners);
        var passages = await TestStores.Create(Url, handler: handler).SearchAsync(HybridQuery(top: 4), Ct);

        // lexical 1, 0.99, 0.98 → 1, 0.5, 0; dense 0.98, 0.95, 0.94 → 1, 0.25, 0; mixed 0.7 : 0.3.
        Assert.Equal(["a0-000", "a1-001", "a2-002", "a5-005"], passages.Select(p => p.Chunk.Id));
        Assert.Equal([0.7, 0.35, 0.3, 0.075], passages.Select(p => Math.Round(p.Score, 9)));
        Assert.Equal("Chunk 2 text", passages[2].Chunk.Text);
        var retrieve = JsonNode.Parse(handler.Requests[^1].Body!)!["ids"]!.AsArray().Select(id => (string)id!);
        Assert.Equal([PointId(0), PointId(1), PointId(2), PointId(5)], retrieve); // the winners, best first
    }

    [Fact]
    public async Task A_winner_deleted_before_its_passage_is_fetched_is_left_out()
    {
        var batch = $$$"""{"result":[{"points":[{{{ScoredPoint(0, "a0")}}},{{{ScoredPoint(1, "a1")}}}]},{"points":[]}],"status":"ok","time":0.002}""";
        var handler = Stub("POST", "/points/query/batch", batch).Answer("POST", "/points", Records((1, "a1")));
        var passages = await TestStores.Create(Url, handler: handler).SearchAsync(HybridQuery(top: 4), Ct);

        Assert.Equal(["a1-001"], passages.Select(p => p.Chunk.Id));
    }

    [Fact]
    public async Task Candidates_with_integer_ids_are_fused_and_a_candidate_without_its_article_id_is_reported()
    {
        var batch = """{"result":[{"points":[{"id":7,"version":1,"score":2.5,"payload":{"article_id":"a7","title":"skipped"},"vector":null}]},{"points":[]}],"status":"ok","time":0}""";
        var record = """{"result":[{"id":7,"payload":{"article_id":"a7","title":"T","chunk_count":1,"chunk_id":"a7-000","ordinal":0,"start":0,"end":4,"text":"Text"}}],"status":"ok","time":0}""";
        var found = await TestStores.Create(Url, handler: Stub("POST", "/points/query/batch", batch).Answer("POST", "/points", record)).SearchAsync(HybridQuery(top: 4), Ct);
        Assert.Equal(["a7-000"], found.Select(p => p.Chunk.Id));

        var anonymous = """{"result":[{"points":[{"id":7,"version":1,"score":2.5,"payload":{}}]},{"points":[]}],"status":"ok","time":0}""";
        var error = await Assert.ThrowsAsync<ArchiveException>(() => TestStores.Create(Url, handler: Stub("POST", "/points/query/batch", anonymous)).SearchAsync(HybridQuery(top: 4), Ct));
        Assert.Contains("article_id", error.Message);
    }

    private static string PointId(int i) => $"00000000-0000-5000-8000-{i:D12}";

    /// <summary>A retrieve answer (spec-checked): the passage payloads of the given points.</summary>
    private static string Records(params (int I, string Article)[] points) => Checked(QdrantSpec.Load(), "POST", "/collections/news/points", 200,
        """{"result":[""" + string.Join(",", points.Select(p => Record(p.I, p.Article))) + """],"status":"ok","time":0.001}""");

    [Fact]
    public async Task A_batch_answer_with_too_few_results_is_reported()
    {
        var store = TestStores.Create(Url, handler: Stub("POST", "/points/query/batch", """{"result":[{"points":[]}],"status":"ok","time":0}"""));
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.SearchAsync(HybridQuery(top: 4), Ct));
        Assert.Contains("1 results for 2 queries", error.Message);
    }

    [Fact]
    public async Task Integer_page_offsets_are_passed_back_as_given()
    {
        var spec = QdrantSpec.Load();
        string Scroll(string body) => Checked(spec, "POST", "/collections/news/points/scroll", 200, body);
        var handler = new StubHandler()
            .AnswerOnce("POST", "/points/count", """{"result":{"count":2},"status":"ok","time":0}""")
            .AnswerOnce("POST", "/points/count", """{"result":{"count":0},"status":"ok","time":0}""")
            .AnswerOnce("POST", "/points/scroll", Scroll("""{"result":{"points":[{"id":42,"payload":{"article_id":"x","title":"X"}}],"next_page_offset":43},"status":"ok","time":0}"""))
            .AnswerOnce("POST", "/points/scroll", Scroll("""{"result":{"points":[{"id":43,"payload":{"article_id":"y","title":"Y"}}],"next_page_offset":null},"status":"ok","time":0}"""));
        var page = await TestStores.Create(Url, handler: handler).ListArticlesAsync(0, 5, cancellationToken: Ct);

        Assert.Equal(["x", "y"], page.Items.Select(a => a.Id));
        var second = handler.Requests.Last(r => r.Message.RequestUri!.AbsolutePath.EndsWith("/scroll"));
        Assert.Equal(43, (int)JsonNode.Parse(second.Body!)!["offset"]!);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"status":{"error":"Wrong input: Vector dimension error: expected dim: 3, got 5"},"time":0.0}""", "expected dim: 3, got 5")]
    [InlineData(HttpStatusCode.Forbidden, """{"status":{"error":"Forbidden: Write access denied"},"time":0.0}""", "lacks permission")]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, """{"status":{"error":"Payload too large"},"time":0.0}""", "lower Qdrant:BatchSize")]
    [InlineData(HttpStatusCode.InternalServerError, """{"status":{"error":"Service internal error: oops"},"time":0.0,"result":null}""", "HTTP 500 Internal Server Error: Service internal error: oops")]
    public async Task Error_bodies_become_clear_archive_errors(HttpStatusCode status, string body, string expected)
    {
        var store = TestStores.Create(Url, handler: Stub("POST", "/points/count", body, status));
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.DeleteArticleAsync("x", Ct));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_proxy_error_page_is_quoted_not_parsed()
    {
        var handler = new StubHandler().Answer("POST", "/points/count", "<html><body>502 Bad Gateway</body></html>", HttpStatusCode.BadGateway, "text/html");
        var store = TestStores.Create(Url, o => o.MaxRetries = 1, handler: handler);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.DeleteArticleAsync("x", Ct));
        Assert.Contains("HTTP 502", error.Message);
        Assert.Contains("<html><body>502 Bad Gateway", error.Message);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData("""{"result":{"count":""", "unexpected answer")]
    [InlineData("""{"result":null,"status":"ok","time":0}""", "has no result")]
    [InlineData("""{"result":{"count":"many"},"status":"ok","time":0}""", "unexpected answer")]
    public async Task Unreadable_answers_are_reported(string body, string expected)
    {
        var handler = new StubHandler().Answer("POST", "/points/count", body);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => TestStores.Create(Url, handler: handler).DeleteArticleAsync("x", Ct));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_point_the_store_did_not_write_is_reported()
    {
        var foreign = """{"result":{"points":[{"id":1,"version":0,"score":0.5,"payload":{"city":"Berlin"}}]},"status":"ok","time":0}""";
        var store = TestStores.Create(Url, handler: Stub("POST", "/points/query", foreign));
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.SearchAsync(SampleArchive.Query("drones", maxPerArticle: 0), Ct));
        Assert.Contains("lacks the payload field 'chunk_id'", error.Message);
    }

    [Fact]
    public async Task Requests_carry_the_api_key_and_json_content_type()
    {
        var handler = Stub("POST", "/points/query", QueryResponse(1));
        await TestStores.Create(Url, o => o.ApiKey = "k-123", handler: handler).SearchAsync(SampleArchive.Query("drones", maxPerArticle: 0), Ct);
        Assert.All(handler.Requests, r => Assert.Equal("k-123", r.Message.Headers.GetValues("api-key").Single()));
        var (query, body) = handler.Requests.Last();
        Assert.Equal("application/json", query.Content!.Headers.ContentType!.MediaType);
        Assert.NotNull(JsonNode.Parse(body!)!["query"]);
    }
}
