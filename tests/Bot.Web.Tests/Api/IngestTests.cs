using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Api;

public sealed class IngestTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient client = fixture.Host.Client();

    [Fact]
    public async Task An_uploaded_text_file_is_ingested_and_then_answers_questions()
    {
        const string title = "Lighthouse keepers vote to strike";
        var status = await client.IngestFilesAsync(("lighthouse.txt",
            $"{title}\nLighthouse keepers on the island of Varsö voted on Tuesday to strike over pay, their union said.\n"));

        var report = status["report"]!;
        Assert.Equal(1, (int)report["added"]!);
        Assert.Empty(report["problems"]!.AsArray());
        Assert.True((int)report["chunks"]! >= 1);
        Assert.Equal("done", (string)status["progress"]!["stage"]!);

        var id = await client.ArticleIdAsync(title);
        var article = await (await client.GetAsync($"/api/articles/{id}", Ct)).JsonAsync();
        Assert.Contains("voted on Tuesday to strike", (string)article["text"]!);

        var answer = await (await client.AskAsync("Who voted to strike on Varsö?")).JsonAsync();
        Assert.False((bool)answer["abstained"]!);
        Assert.Contains(answer["citations"]!.AsArray(), c => (string)c!["articleId"]! == id);
    }

    [Fact]
    public async Task A_web_page_is_downloaded_from_a_local_site_and_ingested()
    {
        await using var site = await LocalSite.StartAsync("Harbour cranes return to Kalmora");
        var status = await client.WaitAsync(await client.IngestUrlsAsync(site.StoryUrl.ToString()));

        Assert.Equal("succeeded", (string)status["state"]!);
        Assert.Equal(1, (int)status["report"]!["added"]!);
        var id = await client.ArticleIdAsync(site.Title);
        var article = await (await client.GetAsync($"/api/articles/{id}", Ct)).JsonAsync();
        Assert.Equal(site.StoryUrl.ToString(), (string)article["url"]!);
        Assert.Equal("Coastal Wire", (string)article["source"]!);
        Assert.Contains("Six harbour cranes returned to service", (string)article["text"]!);
        Assert.DoesNotContain("Copyright", (string)article["text"]!);
    }

    [Fact]
    public async Task Urls_can_come_with_files_in_one_multipart_request()
    {
        await using var site = await LocalSite.StartAsync("Kalmora cranes back at work");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Ferry timetable changes\nThe ferry to Orrholm will sail twice a day from June, the operator said.\n", Encoding.UTF8, "text/plain"), "files", "ferry.txt" },
            { new StringContent(site.StoryUrl + "\n"), "urls" },
        };
        var job = await (await client.PostAsync("/api/ingest", form, Ct)).JsonAsync(HttpStatusCode.Accepted);
        var status = await client.WaitAsync(job);

        Assert.Equal("succeeded", (string)status["state"]!);
        var report = status["report"]!;
        Assert.Equal(2, (int)report["added"]! + (int)report["updated"]! + (int)report["unchanged"]!);
    }

    [Fact]
    public async Task An_unreachable_url_is_reported_as_a_problem_of_the_job()
    {
        var status = await client.WaitAsync(await client.IngestUrlsAsync("http://127.0.0.1:1/gone"));

        Assert.Equal("succeeded", (string)status["state"]!);
        var problem = Assert.Single(status["report"]!["problems"]!.AsArray())!;
        Assert.Equal("http://127.0.0.1:1/gone", (string)problem["origin"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["reason"]));
    }

    [Fact]
    public async Task An_unsupported_file_type_is_refused_before_anything_is_ingested()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent([0x4d, 0x5a]), "files", "setup.exe" } };
        var problem = await (await client.PostAsync("/api/ingest", form, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("setup.exe", (string)problem["detail"]!);
    }

    [Theory]
    [InlineData("ftp://example.com/story")]
    [InlineData("not a url")]
    public async Task A_url_that_is_not_http_is_a_bad_request(string url)
    {
        var problem = await (await client.PostAsJsonAsync("/api/ingest", new { urls = new[] { url } }, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(url, (string)problem["detail"]!);
    }

    [Fact]
    public async Task Nothing_to_ingest_is_a_bad_request()
    {
        await (await client.PostAsJsonAsync("/api/ingest", new { urls = Array.Empty<string>() }, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_job_is_not_found()
    {
        await (await client.GetAsync("/api/ingest/nosuchjob", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
