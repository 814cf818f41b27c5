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
        var conversation = message["conversation"]!["id"]!.GetValue<string>();
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
