using System.Net;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Api;

public sealed class HealthAndDocsTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient client = fixture.Host.Client();

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_report_healthy(string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_REST_API()
    {
        var document = await (await client.GetAsync("/openapi/v1.json", Ct)).JsonAsync();
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/ask", "/api/search", "/api/articles", "/api/articles/{id}", "/api/ingest", "/api/ingest/{id}", "/api/me" })
            Assert.Contains(path, paths);
    }

    [Fact]
    public async Task The_browsable_API_reference_is_served()
    {
        using var response = await client.GetAsync("/api/docs", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_page_and_its_scripts_are_served()
    {
        var page = await client.GetStringAsync("/", Ct);
        Assert.Contains("<script type=\"module\" src=\"app.js\">", page);
        using var script = await client.GetAsync("/js/chat.js", Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Me_says_a_local_caller_without_configured_keys_is_admin()
    {
        var me = await (await client.GetAsync("/api/me", Ct)).JsonAsync();
        Assert.Equal("admin", (string)me["role"]!);
        Assert.False((bool)me["keysRequired"]!);
    }
}
