using System.Net;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Api;

public sealed class SearchTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient client = fixture.Host.Client();

    [Fact]
    public async Task Search_returns_ranked_passages_whose_text_is_the_article_text_at_their_offsets()
    {
        var result = await (await client.GetAsync("/api/search?q=armed%20drones%20Mountari&top=3", Ct)).JsonAsync();

        // No embedding model is configured in tests, so retrieval is lexical and says why.
        Assert.Equal("lexical", (string)result["mode"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)result["notice"]));
        var passages = result["passages"]!.AsArray();
        Assert.InRange(passages.Count, 1, 3);
        var scores = passages.Select(p => (double)p!["score"]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        var best = passages[0]!;
        var article = await (await client.GetAsync($"/api/articles/{(string)best["article"]!["id"]!}", Ct)).JsonAsync();
        var chunk = best["chunk"]!;
        Assert.Equal(((string)article["text"]!)[(int)chunk["start"]!..(int)chunk["end"]!], (string)chunk["text"]!);
        Assert.Contains(passages, p => ((string)p!["chunk"]!["text"]!).Contains("Mountari", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_restrict_the_passages()
    {
        var later = await (await client.GetAsync("/api/search?q=drones&from=2018-01-01", Ct)).JsonAsync();
        Assert.Empty(later["passages"]!.AsArray());
        var otherSource = await (await client.GetAsync("/api/search?q=drones&source=Nowhere%20Times", Ct)).JsonAsync();
        Assert.Empty(otherSource["passages"]!.AsArray());
        var tagged = await (await client.GetAsync("/api/search?q=drones&tag=niger", Ct)).JsonAsync();
        Assert.NotEmpty(tagged["passages"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search?q=drones&top=0")]
    [InlineData("/api/search?q=drones&top=101")]
    [InlineData("/api/search?q=drones&from=yesterday-ish")]
    [InlineData("/api/search?q=drones&top=many")]
    [InlineData("/api/search")]
    public async Task Bad_search_parameters_are_bad_requests(string url)
    {
        var problem = await (await client.GetAsync(url, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), "the problem says what was wrong");
    }
}
