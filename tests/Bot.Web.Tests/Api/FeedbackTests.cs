using System.Net;
using Bot.Core.Answering;
using Bot.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Web.Tests.Api;

/// <summary>GET /api/feedback: the summary of what users said, for admins only.</summary>
public sealed class FeedbackTests(KeyedHostFixture fixture) : IClassFixture<KeyedHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_gets_counts_recent_comments_and_answers_marked_wrong_and_a_reader_is_refused()
    {
        var store = fixture.Host.Services.GetRequiredService<IFeedbackStore>();
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await store.AddAsync(new Feedback("conv-web", "m1", FeedbackReaction.Like, "Helpful", "u1", at), Ct);
        await store.AddAsync(new Feedback("conv-web", "m2", FeedbackReaction.Dislike, "Wrong year", "u2", at.AddMinutes(1))
        {
            Question = "When did Niger ask for armed drones?",
            Citations = [new FeedbackCitation(1, "niger01", "Niger asks U.S. to arm drones", "niger01#0")],
        }, Ct);

        using var reader = fixture.Host.Client(KeyedHostFixture.ReaderKey);
        await (await reader.GetAsync("/api/feedback", Ct)).ProblemAsync(HttpStatusCode.Forbidden);

        using var admin = fixture.Host.Client(KeyedHostFixture.AdminKey);
        var summary = await (await admin.GetAsync("/api/feedback?recent=5", Ct)).JsonAsync();
        Assert.True((int)summary["total"]! >= 2);
        Assert.True((int)summary["dislikes"]! >= 1);
        var wrong = summary["markedWrong"]!.AsArray().Single(e => (string?)e!["messageId"] == "m2")!;
        Assert.Equal("When did Niger ask for armed drones?", (string)wrong["question"]!);
        Assert.Equal("dislike", (string)wrong["reaction"]!);
        Assert.Equal("niger01", (string)wrong["citations"]![0]!["articleId"]!);
        Assert.Contains(summary["recentComments"]!.AsArray(), c => (string?)c!["text"] == "Helpful");

        await (await admin.GetAsync("/api/feedback?recent=5000", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
    }
}

/// <summary>Without keys only this machine is served; a proxy or tunnel on this machine forwards others, so it is not.</summary>
public sealed class KeylessForwardingTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task A_request_forwarded_by_a_local_proxy_is_not_treated_as_local()
    {
        using var client = fixture.Host.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me", TestContext.Current.CancellationToken)).StatusCode);

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.7");
        await (await client.SendAsync(forwarded, TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
