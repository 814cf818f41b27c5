using Bot.Testing.Qdrant;

namespace Bot.Storage.Qdrant.Tests.Contract;

/// <summary>The validator itself: it must accept what Qdrant accepts and reject what it would not.</summary>
public sealed class SpecValidatorTests
{
    private static QdrantSpec Spec => QdrantSpec.Load();
    private const string Uuid = "0e3a0d5c-7f7e-5b3c-9a41-7c1f3e2d9b10";

    [Fact]
    public void A_correct_query_request_passes()
    {
        var body = """{"query":{"nearest":{"indices":[1,7],"values":[1,1]}},"using":"bm25","limit":5,"with_payload":["title"],"filter":{"must":[{"key":"published","range":{"gte":"2017-01-01T00:00:00+00:00"}}]}}""";
        Assert.Empty(Spec.ValidateRequest("POST", "/collections/news/points/query", body));
    }

    [Fact]
    public void A_misspelled_field_fails()
    {
        var problems = Spec.ValidateRequest("POST", "/collections/news/points/query", """{"query":{"nearest":[0.1,0.2]},"limt":5}""");
        Assert.Contains(problems, p => p.Contains("limt"));
    }

    [Fact]
    public void A_misspelled_field_deep_inside_a_filter_fails()
    {
        var body = """{"filter":{"must":[{"key":"tags","match":{"anyy":["a"]}}]}}""";
        Assert.NotEmpty(Spec.ValidateRequest("POST", "/collections/news/points/count", body));
    }

    [Fact]
    public void The_legacy_search_endpoint_fails()
    {
        var problems = Spec.ValidateRequest("POST", "/collections/news/points/search", """{"vector":[0.1,0.2],"limit":3}""");
        // 1.19 has no /points/search: the path only fits GET /points/{id}, which takes no POST.
        Assert.Contains(problems, p => p.Contains("/points/search") && p.Contains("not for POST"));
    }

    [Fact]
    public void A_wrong_method_fails()
    {
        Assert.Contains(Spec.ValidateRequest("DELETE", "/collections/news/points/count", null), p => p.Contains("no such path") || p.Contains("not for DELETE"));
        // GET fits /points/{id}, but "query" is neither a uuid nor an integer id.
        Assert.Contains(Spec.ValidateRequest("GET", "/collections/news/points/query", null), p => p.Contains("{id}"));
        Assert.Contains(Spec.ValidateRequest("POST", "/collection/news/points/query", "{}"), p => p.Contains("no such path"));
    }

    [Fact]
    public void A_point_id_that_is_not_a_uuid_fails()
    {
        var body = """{"points":[{"id":"chunk-001","vector":{},"payload":{}}]}""";
        Assert.NotEmpty(Spec.ValidateRequest("PUT", "/collections/news/points?wait=true", body));
        Assert.Empty(Spec.ValidateRequest("PUT", "/collections/news/points?wait=true", body.Replace("chunk-001", Uuid)));
    }

    [Fact]
    public void A_date_that_is_not_rfc3339_fails()
    {
        var body = """{"filter":{"must":[{"key":"published","range":{"gte":"1 Nov 2017"}}]}}""";
        Assert.NotEmpty(Spec.ValidateRequest("POST", "/collections/news/points/count", body));
    }

    [Fact]
    public void An_undeclared_query_parameter_fails()
    {
        Assert.NotEmpty(Spec.ValidateRequest("PUT", "/collections/news/points?wiat=true", """{"points":[]}"""));
        Assert.NotEmpty(Spec.ValidateRequest("PUT", "/collections/news/points?wait=yes", """{"points":[]}"""));
    }

    [Fact]
    public void A_missing_required_body_fails()
    {
        Assert.NotEmpty(Spec.ValidateRequest("POST", "/collections/news/points/query/groups", """{"limit":3}"""));
    }

    [Fact]
    public void Nullable_fields_accept_null()
    {
        Assert.Empty(Spec.ValidateRequest("POST", "/collections/news/points/query", """{"limit":null,"filter":null}"""));
    }

    [Fact]
    public void Responses_are_checked_against_their_status_schema()
    {
        Assert.Empty(Spec.ValidateResponse("POST", "/collections/news/points/count", 200, """{"result":{"count":3},"status":"ok","time":0.001}"""));
        Assert.NotEmpty(Spec.ValidateResponse("POST", "/collections/news/points/count", 200, """{"result":{"cnt":3},"status":"ok","time":0.001}"""));
        Assert.Empty(Spec.ValidateResponse("POST", "/collections/news/points/count", 404, """{"status":{"error":"Not found: Collection `news` doesn't exist!"},"time":0.0}"""));
    }
}
