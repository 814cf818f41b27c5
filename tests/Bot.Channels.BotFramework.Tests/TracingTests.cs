using Bot.Channels.BotFramework.Tests.Fakes;
using Bot.Testing;

namespace Bot.Channels.BotFramework.Tests;

public sealed class TracingTests : BotTestBase
{
    [Fact]
    public async Task A_question_is_one_turn_span_with_the_reply_inside_and_no_message_text()
    {
        using var spans = new SpanRecorder();
        var message = Activities.MentioningBot(Service.ServiceUrl, "What did the Fed decide?");
        // Tests in parallel share the span source: a conversation of its own tells this test's spans apart.
        var conversation = $"19:tracing-{Activities.NewId()}@thread.v2";
        message["conversation"]!["id"] = conversation;
        await SendAsync(message);

        var recorded = await spans.WaitForAsync(all => all.Any(s => s.OperationName == "turn" && Equals(s.GetTagItem("bot.conversation"), conversation)),
            TestContext.Current.CancellationToken);
        var turn = Assert.Single(recorded, s => s.OperationName == "turn" && Equals(s.GetTagItem("bot.conversation"), conversation));
        var reply = Assert.Single(recorded, s => s.OperationName == "reply" && s.ParentSpanId == turn.SpanId);
        Assert.Equal(turn.TraceId, reply.TraceId);
        Assert.Equal("msteams", turn.GetTagItem("bot.channel"));
        Assert.DoesNotContain(turn.TagObjects, tag => tag.Value is string text && text.Contains("Fed", StringComparison.Ordinal));
    }
}
