using System.Globalization;
using System.Net;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Security;

/// <summary>
/// Per-key rate limits on the REST API and MCP: one desk over its rate gets 429 with Retry-After, the other
/// desk is still served; the two protocols draw on one budget per key.
/// </summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_while_another_key_is_served()
    {
        await using var host = await StartTwoDesksAsync();
        using var deskA = host.Client("key-a-51");
        using var deskB = host.Client("key-b-93");

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await deskA.GetAsync("/api/articles?limit=1", Ct)).StatusCode);
        using var refused = await deskA.GetAsync("/api/search?q=drones", Ct);

        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", (string)problem["title"]!);
        Assert.Contains("desk-a", (string)problem["detail"]!);
        var retryAfter = RetryAfter(refused);
        Assert.Equal(retryAfter, (int)problem["retryAfterSeconds"]!);
        Assert.Equal(HttpStatusCode.OK, (await deskB.GetAsync("/api/articles?limit=1", Ct)).StatusCode);
        // Health and the page are not API calls and are never limited.
        Assert.Equal(HttpStatusCode.OK, (await deskA.GetAsync("/health", Ct)).StatusCode);

        // The bucket refills on a timer tick, which a busy machine may run a little after Retry-After: a second's grace.
        await Task.Delay(TimeSpan.FromSeconds(retryAfter), Ct);
        var again = await deskA.GetAsync("/api/articles?limit=1", Ct);
        for (var tries = 0; again.StatusCode == HttpStatusCode.TooManyRequests && tries < 4; tries++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), Ct);
            again = await deskA.GetAsync("/api/articles?limit=1", Ct);
        }
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Without_keys_the_local_caller_is_not_limited()
    {
        await using var host = await WebHost.StartAsync("Api:RateLimit:PermitsPerMinute=60", "Api:RateLimit:Burst=1");
        using var local = host.Client();

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/api/articles?limit=1", Ct)).StatusCode);
    }

    [Fact]
    public async Task Over_mcp_a_key_over_its_rate_gets_429_with_retry_after_and_shares_its_budget_with_the_api()
    {
        await using var host = await StartTwoDesksAsync();
        using var deskA = host.Client("key-a-51");

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await deskA.ListMcpToolsAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await deskA.GetAsync("/api/articles?limit=1", Ct)).StatusCode);
        using var refused = await deskA.ListMcpToolsAsync();

        // The limiter answers before the MCP transport sees the request: the same 429 problem as the REST API's.
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("desk-a", (string)problem["detail"]!);
        Assert.Equal(RetryAfter(refused), (int)problem["retryAfterSeconds"]!);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await deskA.GetAsync("/api/articles?limit=1", Ct)).StatusCode);
        // The MCP client reports the refusal as the HTTP status it got.
        var clientError = await Assert.ThrowsAnyAsync<HttpRequestException>(() => host.ConnectMcpAsync("key-a-51"));
        Assert.Equal(HttpStatusCode.TooManyRequests, clientError.StatusCode);

        await using var deskB = await host.ConnectMcpAsync("key-b-93");
        Assert.Contains(await deskB.ListToolsAsync(cancellationToken: Ct), tool => tool.Name == "search_archive");
    }

    /// <summary>Keys for desk-a ("key-a-51") and desk-b ("key-b-93"), each allowed a burst of 3 and then one a second.</summary>
    private static Task<WebHost> StartTwoDesksAsync() => WebHost.StartAsync(
        "Api:Keys:0:Name=desk-a", "Api:Keys:0:Key=key-a-51", "Api:Keys:1:Name=desk-b", "Api:Keys:1:Key=key-b-93",
        "Api:RateLimit:PermitsPerMinute=60", "Api:RateLimit:Burst=3");

    private static int RetryAfter(HttpResponseMessage refused)
    {
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        return seconds;
    }
}
