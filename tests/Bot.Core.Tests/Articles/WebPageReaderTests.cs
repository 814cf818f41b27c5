using Bot.Core.Articles;

namespace Bot.Core.Tests.Articles;

/// <summary>URL reading against a real local Kestrel, never the internet.</summary>
public sealed class WebPageReaderTests
{
    private static readonly ArticleLimits Limits = new() { MaxDownloadBytes = LocalSite.LargeBodyBytes / 2 };

    private static async Task<List<ReadItem>> ReadAsync(Uri url, ArticleLimits? limits = null)
    {
        return await Reading.ReadAllAsync(url.AbsoluteUri, limits ?? Limits);
    }

    [Fact]
    public async Task A_page_becomes_an_article_with_its_metadata()
    {
        await using var site = await LocalSite.StartAsync();

        var draft = (await ReadAsync(site["/story"])).Single();
        var article = draft.Normalized();

        Assert.Equal(site["/story"].AbsoluteUri, draft.Origin);
        Assert.Equal("Niger asks U.S. to arm drones", article.Title);
        Assert.StartsWith("NIAMEY (Reuters) - Niger has asked the United States", article.Text);
        Assert.DoesNotContain("Subscribe", article.Text);
        Assert.Equal(new DateTimeOffset(2017, 11, 1, 10, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("Reuters", article.Source);
        Assert.Equal("Tim Cocks", article.Author);
        Assert.Equal("Niamey", article.Place);
        Assert.Equal("https://www.reuters.com/article/niger-drones", article.Url);
        Assert.Equal(["africa", "drones"], article.Tags);
    }

    [Fact]
    public async Task Without_a_canonical_link_the_final_address_is_the_url()
    {
        await using var site = await LocalSite.StartAsync();

        var article = (await ReadAsync(site["/moved"])).Single().Normalized();

        Assert.Equal(site["/plain-page"].AbsoluteUri.TrimEnd('/'), article.Url);
        Assert.Equal("Local story", article.Title);
        Assert.Equal("Agadez", article.Place);
    }

    [Fact]
    public async Task A_missing_page_is_a_problem()
    {
        await using var site = await LocalSite.StartAsync();
        var url = site["/nowhere"];
        Assert.Equal([new ReadProblem(url.AbsoluteUri, null, "the server answered 404 Not Found")], await ReadAsync(url));
    }

    [Fact]
    public async Task Content_that_is_not_html_is_a_problem()
    {
        await using var site = await LocalSite.StartAsync();
        var url = site["/data.json"];
        Assert.Equal([new ReadProblem(url.AbsoluteUri, null, "the content type is 'application/json', not an HTML page or a PDF")], await ReadAsync(url));
    }

    [Theory]
    [InlineData("/large")]
    [InlineData("/large-chunked")]
    public async Task A_body_over_the_download_limit_is_a_problem(string path)
    {
        await using var site = await LocalSite.StartAsync();
        var url = site[path];
        Assert.Equal([new ReadProblem(url.AbsoluteUri, null, "the page is larger than 25,000 bytes (Ingest:MaxDownloadBytes)")], await ReadAsync(url));
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_is_a_problem()
    {
        await using var site = await LocalSite.StartAsync();
        var url = site["/slow"];
        var limits = new ArticleLimits { DownloadTimeout = TimeSpan.FromMilliseconds(500) };
        Assert.Equal([new ReadProblem(url.AbsoluteUri, null, "the download took longer than 0.5 s (Ingest:DownloadTimeout)")],
            await ReadAsync(url, limits));
    }

    [Fact]
    public async Task An_unreachable_server_is_a_problem()
    {
        Uri url;
        await using (var site = await LocalSite.StartAsync()) url = site["/story"];

        var problem = Assert.Single(await ReadAsync(url));
        Assert.IsType<ReadProblem>(problem);
        Assert.StartsWith("the download failed:", ((ReadProblem)problem).Reason);
    }

    [Fact]
    public async Task A_loopback_url_is_refused_unless_the_allow_list_names_it()
    {
        await using var site = await LocalSite.StartAsync();
        var url = site["/story"];

        var problem = Assert.Single((await Reading.ReadAllAsync(url.AbsoluteUri, fetch: new Bot.Core.Fetching.FetchOptions())).Problems());

        Assert.Equal("refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address; the bot fetches only public addresses unless Ingest:AllowedHosts lists it",
            problem.Reason);
        Assert.Equal(0, site.Requests);
    }

    [Fact]
    public async Task A_redirect_to_an_address_that_is_not_allowed_is_refused()
    {
        await using var site = await LocalSite.StartAsync();

        var problem = Assert.Single((await ReadAsync(site["/to-other-loopback"])).Problems());

        Assert.StartsWith("refused: 127.0.0.2 resolves to 127.0.0.2, a loopback address", problem.Reason);
        Assert.Equal(1, site.Requests);
    }

    [Fact]
    public async Task A_redirect_away_from_http_is_refused_and_endless_redirects_stop()
    {
        await using var site = await LocalSite.StartAsync();

        Assert.Equal("refused: redirected to ftp://127.0.0.1/story.txt, which is not an http or https URL",
            Assert.Single((await ReadAsync(site["/to-ftp"])).Problems()).Reason);
        Assert.Equal("more than 5 redirects (Ingest:MaxRedirects)", Assert.Single((await ReadAsync(site["/loop"])).Problems()).Reason);
    }

    [Theory]
    [InlineData("/report.pdf")]
    [InlineData("/download")]
    public async Task A_pdf_url_becomes_an_article_with_its_pages(string path)
    {
        await using var site = await LocalSite.StartAsync();

        var article = (await ReadAsync(site[path])).Single().Normalized();

        Assert.Equal("Niger drone talks, in three pages", article.Title);
        Assert.Equal(3, article.PageStarts.Count);
    }
}
