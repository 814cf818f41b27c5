using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Api;

public sealed class AskTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient client = fixture.Host.Client();

    [Fact]
    public async Task Seed_question_gets_an_answer_citing_the_article_verbatim()
    {
        var answer = await (await client.AskAsync(WebHost.SeedQuestion)).JsonAsync();

        Assert.False((bool)answer["abstained"]!);
        var text = (string)answer["text"]!;
        Assert.Contains("Mountari", text);
        Assert.Contains("Defence Minister", text);
        Assert.NotEmpty(answer["citations"]!.AsArray());
        Answers.AssertMarkersMatchCitations(answer);
        await Answers.AssertQuotesAreVerbatimAsync(answer, client);
        Assert.InRange((double)answer["confidence"]!, 0, 1);
        Assert.False(string.IsNullOrEmpty((string?)answer["answerer"]));
    }

    [Fact]
    public async Task Streaming_sends_deltas_then_exactly_one_final_answer()
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = WebHost.SeedQuestion, stream = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await ServerSentEvents.ReadAllAsync(response);

        Assert.Equal("final", events[^1].Type);
        Assert.Single(events, e => e.Type == "final");
        var deltas = events.SkipLast(1).ToList();
        Assert.NotEmpty(deltas);
        Assert.All(deltas, e => Assert.Equal("delta", e.Type));

        var final = events[^1].Data;
        Answers.AssertMarkersMatchCitations(final);
        Assert.Contains("Mountari", (string)final["text"]!);
        // The streamed text is what the final answer says, in the same order.
        var position = 0;
        foreach (var piece in deltas.Select(d => ((string)d.Data["text"]!).Trim()).Where(t => t.Length > 0))
        {
            var found = ((string)final["text"]!).IndexOf(piece, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"delta '{piece}' is not in the final text after position {position}");
            position = found + piece.Length;
        }
    }

    [Fact]
    public async Task A_question_the_archive_cannot_answer_is_an_abstention_without_citations()
    {
        var answer = await (await client.AskAsync("What is the price of coal in Lagos?")).JsonAsync();
        Assert.True((bool)answer["abstained"]!);
        Assert.Empty(answer["citations"]!.AsArray());
        Assert.False(string.IsNullOrWhiteSpace((string?)answer["text"]));
    }

    [Fact]
    public async Task A_follow_up_is_searched_with_its_own_conversation_only()
    {
        var conversation = Guid.NewGuid().ToString("N");
        await (await client.AskAsync(WebHost.SeedQuestion, conversation)).JsonAsync();

        var followUp = await (await client.AskAsync("What did he say about it?", conversation)).JsonAsync();
        Assert.Contains(WebHost.SeedQuestion, (string)followUp["retrievalQuery"]!);
        Assert.Equal("What did Kalla Mountari say about it?", (string?)followUp["rewrittenQuestion"]);

        var stranger = await (await client.AskAsync("What did he say about it?", Guid.NewGuid().ToString("N"))).JsonAsync();
        Assert.DoesNotContain(WebHost.SeedQuestion, (string)stranger["retrievalQuery"]!);
    }

    [Fact]
    public async Task Filters_that_exclude_every_article_lead_to_an_abstention()
    {
        var answer = await (await client.AskAsync(WebHost.SeedQuestion, filters: new { from = "2018-01-01" })).JsonAsync();
        Assert.True((bool)answer["abstained"]!);
        Assert.Empty(answer["citations"]!.AsArray());
    }

    [Fact]
    public async Task An_unreadable_filter_date_is_a_bad_request_naming_the_field()
    {
        var problem = await (await client.AskAsync(WebHost.SeedQuestion, filters: new { from = "someday" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'from'", (string)problem["detail"]!);
    }

    [Fact]
    public async Task An_empty_question_is_a_bad_request()
    {
        await (await client.AskAsync("   ")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request_problem()
    {
        using var content = new StringContent("{\"question\": \"Who", Encoding.UTF8, "application/json");
        var problem = await (await client.PostAsync("/api/ask", content, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var question = new string('a', 200_000);
        using var content = new StringContent($"{{\"question\": \"{question}\"}}", Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/ask", content, Ct)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
