using System.Net;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Security;

/// <summary>Per-key rate limits: one desk over its rate gets 429 with Retry-After, the other desk is still served.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_while_another_key_is_served()
    {
        await using var host = await WebHost.StartAsync(
            "Api:Keys:0:Name=desk-a", "Api:Keys:0:Key=key-a-51", "Api:Keys:1:Name=desk-b", "Api:Keys:1:Key=key-b-93",
            "Api:RateLimit:PermitsPerMinute=60", "Api:RateLimit:Burst=3");
        using var deskA = host.Client("key-a-51");
        using var deskB = host.Client("key-b-93");

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await deskA.GetAsync("/api/articles?limit=1", Ct)).StatusCode);
        using var refused = await deskA.GetAsync("/api/search?q=drones", Ct);

        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", (string)problem["title"]!);
        Assert.Contains("desk-a", (string)problem["detail"]!);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, (int)problem["retryAfterSeconds"]!);
        Assert.Equal(HttpStatusCode.OK, (await deskB.GetAsync("/api/articles?limit=1", Ct)).StatusCode);
        // Health and the page are not API calls and are never limited.
        Assert.Equal(HttpStatusCode.OK, (await deskA.GetAsync("/health", Ct)).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(retryAfter), Ct);
        Assert.Equal(HttpStatusCode.OK, (await deskA.GetAsync("/api/articles?limit=1", Ct)).StatusCode);
    }

    [Fact]
    public async Task Without_keys_the_local_caller_is_not_limited()
    {
        await using var host = await WebHost.StartAsync("Api:RateLimit:PermitsPerMinute=60", "Api:RateLimit:Burst=1");
        using var local = host.Client();

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/api/articles?limit=1", Ct)).StatusCode);
    }
}
