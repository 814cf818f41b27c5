using System.Diagnostics;
using Bot.Testing;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Api;

public sealed class TracingTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task A_question_is_traced_as_ask_with_retrieve_and_answer_inside_the_callers_trace_without_its_text()
    {
        using var spans = new SpanRecorder();
        // The caller's trace travels in the traceparent header HttpClient sends.
        ActivityTraceId trace;
        using (var caller = new Activity("support-desk-tool").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            trace = caller.TraceId;
            using var response = await fixture.Host.Client().AskAsync(WebHost.SeedQuestion);
            response.EnsureSuccessStatusCode();
        }

        var recorded = (await spans.WaitForAsync(all => all.Any(s => s.TraceId == trace && s.OperationName == "ask"), TestContext.Current.CancellationToken))
            .Where(s => s.TraceId == trace).ToList();
        var ask = Assert.Single(recorded, s => s.OperationName == "ask");
        Assert.Single(recorded, s => s.OperationName == "retrieve" && s.ParentSpanId == ask.SpanId);
        Assert.Single(recorded, s => s.OperationName == "answer" && s.ParentSpanId == ask.SpanId);
        Assert.Equal(false, ask.GetTagItem("bot.abstained"));
        Assert.DoesNotContain(recorded.SelectMany(s => s.TagObjects), tag => tag.Value is string text && text.Contains("drones", StringComparison.OrdinalIgnoreCase));
    }
}
