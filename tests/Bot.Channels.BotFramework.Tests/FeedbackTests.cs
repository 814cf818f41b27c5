using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Channels.BotFramework.Tests.Fakes;
using Bot.Core.Answering;

namespace Bot.Channels.BotFramework.Tests;

public sealed class FeedbackTests : BotTestBase
{
    [Fact]
    public async Task Feedback_invoke_is_stored_logged_without_its_comment_and_answered_with_an_empty_object()
    {
        var response = await SendAsync(Activities.FeedbackInvoke(Service.ServiceUrl, "activity-42", "dislike", "The date is wrong."), HttpStatusCode.OK);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await SendAsync(Activities.FeedbackInvoke(Service.ServiceUrl, "activity-43", "like", null), HttpStatusCode.OK);

        var lines = await File.ReadAllLinesAsync(Bot.FeedbackFile, TestContext.Current.CancellationToken);
        Assert.Equal(2, lines.Length);
        var first = JsonSerializer.Deserialize<Feedback>(lines[0], JsonSerializerOptions.Web)!;
        Assert.Equal("a:1personal-chat", first.ConversationId);
        Assert.Equal("activity-42", first.MessageId);
        Assert.Equal(FeedbackReaction.Dislike, first.Reaction);
        Assert.Equal("The date is wrong.", first.Text);
        Assert.Equal("aad-ada", first.UserId);
        Assert.Contains("\"reaction\":\"dislike\"", lines[0]);
        var second = JsonSerializer.Deserialize<Feedback>(lines[1], JsonSerializerOptions.Web)!;
        Assert.Equal((FeedbackReaction.Like, (string?)null), (second.Reaction, second.Text));

        Assert.Contains(Bot.Logs.Entries, e => e.Message.Contains("Feedback Dislike on message activity-42") && e.Message.Contains("a comment of 18 characters"));
        Assert.DoesNotContain(Bot.Logs.Entries, e => e.Message.Contains("The date is wrong."));
        Assert.Empty(Service.Activities);
    }

    [Fact]
    public async Task Repeated_feedback_invoke_is_stored_once()
    {
        var invoke = Activities.FeedbackInvoke(Service.ServiceUrl, "activity-42", "like", "Great");
        await SendAsync(invoke, HttpStatusCode.OK);
        await SendAsync(invoke, HttpStatusCode.OK);

        Assert.Single(await File.ReadAllLinesAsync(Bot.FeedbackFile, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"meh"}}""")]
    [InlineData("""{"actionName":"feedback"}""")]
    [InlineData("""{"actionName":"other","actionValue":{"reaction":"like"}}""")]
    [InlineData("\"feedback\"")]
    public async Task Malformed_feedback_gets_400_and_stores_nothing(string value)
    {
        var invoke = Activities.FeedbackInvoke(Service.ServiceUrl, "activity-42", "like", null);
        invoke["value"] = JsonNode.Parse(value);
        var response = await SendAsync(invoke, HttpStatusCode.BadRequest);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(File.Exists(Bot.FeedbackFile));
    }

    [Fact]
    public async Task Free_text_feedback_that_is_not_json_is_kept_as_sent()
    {
        var invoke = Activities.FeedbackInvoke(Service.ServiceUrl, "activity-42", "like", null);
        invoke["value"]!["actionValue"]!["feedback"] = "plain words";
        await SendAsync(invoke, HttpStatusCode.OK);

        var stored = JsonSerializer.Deserialize<Feedback>(Assert.Single(await File.ReadAllLinesAsync(Bot.FeedbackFile, TestContext.Current.CancellationToken)), JsonSerializerOptions.Web)!;
        Assert.Equal("plain words", stored.Text);
    }
}
