using System.Net;
using System.Net.Http.Json;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Api;

public sealed class ApiKeyTests(KeyedHostFixture fixture) : IClassFixture<KeyedHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly WebHost host = fixture.Host;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_a_valid_key_every_api_endpoint_answers_401(string? key)
    {
        using var client = host.Client(key);
        await (await client.GetAsync("/api/me", Ct)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/articles", Ct)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/search?q=drones", Ct)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.AskAsync(WebHost.SeedQuestion)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Health_the_page_and_the_api_description_need_no_key()
    {
        using var client = host.Client();
        foreach (var path in new[] { "/", "/app.js", "/health", "/health/ready", "/openapi/v1.json" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_reader_may_ask_and_read_but_not_delete_or_ingest()
    {
        using var reader = host.Client(KeyedHostFixture.ReaderKey);
        var me = await (await reader.GetAsync("/api/me", Ct)).JsonAsync();
        Assert.Equal("support-desk", (string)me["name"]!);
        Assert.Equal("reader", (string)me["role"]!);
        Assert.True((bool)me["keysRequired"]!);

        var answer = await (await reader.AskAsync(WebHost.SeedQuestion)).JsonAsync();
        Assert.False((bool)answer["abstained"]!);
        var id = (string)answer["citations"]![0]!["articleId"]!;

        await (await reader.DeleteAsync($"/api/articles/{id}", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PostAsJsonAsync("/api/ingest", new { urls = new[] { "http://127.0.0.1:1/x" } }, Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.GetAsync($"/api/articles/{id}", Ct)).JsonAsync();
    }

    [Fact]
    public async Task An_admin_may_ingest_and_delete()
    {
        using var admin = host.Client(KeyedHostFixture.AdminKey);
        var me = await (await admin.GetAsync("/api/me", Ct)).JsonAsync();
        Assert.Equal("admin", (string)me["role"]!);

        const string title = "Beekeepers count a record summer";
        await admin.IngestFilesAsync(("bees.txt", $"{title}\nBeekeepers in the valley counted a record honey harvest this summer.\n"));
        var id = await admin.ArticleIdAsync(title);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/articles/{id}", Ct)).StatusCode);
    }
}
