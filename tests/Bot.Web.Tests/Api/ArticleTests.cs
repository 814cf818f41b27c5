using System.Net;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Api;

public sealed class ArticleTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient client = fixture.Host.Client();

    [Fact]
    public async Task The_list_holds_the_seed_article_with_its_summary()
    {
        var page = await (await client.GetAsync("/api/articles?limit=10", Ct)).JsonAsync();
        Assert.True((int)page["total"]! >= 1);
        var seed = page["items"]!.AsArray().Single(a => ((string)a!["title"]!).StartsWith("Niger has asked the United States", StringComparison.Ordinal))!;
        Assert.Equal("Reuters", (string)seed["source"]!);
        Assert.StartsWith("2017-11-01", (string)seed["published"]!);
        Assert.Contains("worldnews", seed["tags"]!.AsArray().Select(t => (string)t!));
        Assert.True((int)seed["chunkCount"]! > 1);
    }

    [Fact]
    public async Task Paging_and_filters_narrow_the_list()
    {
        await client.IngestFilesAsync(("paging-a.txt", "Paging story one\nA first short story for paging, about rivers.\n"),
            ("paging-b.txt", "Paging story two\nA second short story for paging, about lakes.\n"));
        var all = await (await client.GetAsync("/api/articles?limit=500", Ct)).JsonAsync();
        var total = (int)all["total"]!;
        Assert.True(total >= 3);

        var second = await (await client.GetAsync("/api/articles?offset=1&limit=1", Ct)).JsonAsync();
        Assert.Equal(total, (int)second["total"]!);
        Assert.Equal((string)all["items"]![1]!["id"]!, (string)Assert.Single(second["items"]!.AsArray())!["id"]!);

        var reuters2017 = await (await client.GetAsync("/api/articles?from=2017-11-01&to=2017-11-01&source=Reuters", Ct)).JsonAsync();
        Assert.All(reuters2017["items"]!.AsArray(), a => Assert.Equal("Reuters", (string)a!["source"]!));
        Assert.Equal(1, (int)reuters2017["total"]!);
    }

    [Fact]
    public async Task A_page_size_out_of_range_is_a_bad_request()
    {
        await (await client.GetAsync("/api/articles?limit=0", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/articles?limit=501", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_article_comes_with_its_full_text()
    {
        var page = await (await client.GetAsync("/api/articles?source=Reuters", Ct)).JsonAsync();
        var id = (string)page["items"]![0]!["id"]!;
        var article = await (await client.GetAsync($"/api/articles/{id}", Ct)).JsonAsync();
        Assert.Equal(id, (string)article["id"]!);
        Assert.Contains("Kalla Mountari", (string)article["text"]!);
        Assert.False(string.IsNullOrEmpty((string?)article["fingerprint"]));
    }

    [Fact]
    public async Task An_unknown_article_is_not_found()
    {
        var problem = await (await client.GetAsync("/api/articles/0000000000000000", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("0000000000000000", (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_deleted_article_is_gone_from_the_archive_and_from_search()
    {
        const string title = "Glassblowers of Tervik";
        await client.IngestFilesAsync(("glass.txt", $"{title}\nThe glassblowers of Tervik opened a museum of blue glass on Sunday.\n"));
        var id = await client.ArticleIdAsync(title);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/articles/{id}", Ct)).StatusCode);

        await (await client.GetAsync($"/api/articles/{id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        var search = await (await client.GetAsync("/api/search?q=glassblowers%20Tervik", Ct)).JsonAsync();
        Assert.DoesNotContain(search["passages"]!.AsArray(), p => (string)p!["article"]!["id"]! == id);
        await (await client.DeleteAsync($"/api/articles/{id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
