using System.Net;
using System.Text.Json.Nodes;
using Bot.Channels.BotFramework.Tests.Fakes;
using Bot.Core.Answering;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.BotFramework.Tests;

public sealed class FeedbackTests : BotTestBase
{
    private async Task<RecordedRequest> AnswerAsync(JsonObject message)
    {
        await SendAsync(message);
        return (await Service.WaitForActivitiesAsync(a => a.Any(r => r.Path == ReplyPath(message) && r.Type == "message")))
            .Single(r => r.Path == ReplyPath(message) && r.Type == "message");
    }

    [Fact]
    public async Task Feedback_on_an_answer_is_stored_with_its_question_and_sources_and_answered_with_an_empty_object()
    {
        var question = Activities.MentioningBot(Service.ServiceUrl, "What did the Fed decide?");
        var answer = await AnswerAsync(question);

        var response = await SendAsync(Activities.FeedbackInvoke(Service.ServiceUrl, answer.ResponseId, "dislike", "The date is wrong.",
            (string)question["conversation"]!["id"]!), HttpStatusCode.OK);

        Assert.Equal("{}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var stored = Assert.Single(Bot.Feedback.Entries);
        Assert.Equal(("19:group-chat@thread.v2", answer.ResponseId, FeedbackReaction.Dislike, "The date is wrong.", "aad-ada"),
            (stored.ConversationId, stored.MessageId, stored.Reaction, stored.Text, stored.UserId));
        Assert.Equal(((string)question["id"]!, "What did the Fed decide?"), (stored.QuestionId, stored.Question));
        Assert.Equal([(1, "article-1", "article-1#0"), (2, "article-2", "article-2#3")], stored.Citations.Select(c => (c.Number, c.ArticleId, c.ChunkId)));
        Assert.DoesNotContain(Service.Activities, a => a.Sequence > answer.Sequence);
    }

    [Fact]
    public async Task Feedback_without_replyToId_as_the_Agents_Playground_sends_it_is_about_the_latest_answer()
    {
        var first = await AnswerAsync(Activities.TeamsMessage(Service.ServiceUrl, "What did the Fed decide?"));
        var second = Activities.TeamsMessage(Service.ServiceUrl, "And the stocks?");
        await AnswerAsync(second);
        var invoke = Activities.FeedbackInvoke(Service.ServiceUrl, "unused", "dislike", null);
        invoke.Remove("replyToId");
        invoke["value"]!["actionValue"]!["feedback"] = "Wrong story";

        await SendAsync(invoke, HttpStatusCode.OK);

        var stored = Assert.Single(Bot.Feedback.Entries);
        Assert.Equal(((string)second["id"]!, "And the stocks?", "Wrong story"), (stored.QuestionId, stored.Question, stored.Text));
        Assert.NotNull(stored.MessageId);
        Assert.NotEqual(first.ResponseId, stored.QuestionId);
    }

    [Fact]
    public async Task Feedback_on_a_message_the_bot_no_longer_remembers_is_still_stored()
    {
        await SendAsync(Activities.FeedbackInvoke(Service.ServiceUrl, "activity-from-before-a-restart", "like", null), HttpStatusCode.OK);

        var stored = Assert.Single(Bot.Feedback.Entries);
        Assert.Equal(("activity-from-before-a-restart", null, null), (stored.MessageId, stored.QuestionId, stored.Question));
        Assert.Empty(stored.Citations);
    }

    [Fact]
    public async Task The_comment_is_not_logged_at_information_level()
    {
        await SendAsync(Activities.FeedbackInvoke(Service.ServiceUrl, "activity-42", "dislike", "My colleague Jane says it is wrong"), HttpStatusCode.OK);

        Assert.Contains(Bot.Logs.Entries, e => e.Message.Contains("Feedback Dislike on message activity-42") && e.Message.Contains("with a comment: True"));
        Assert.DoesNotContain(Bot.Logs.Entries, e => e.Message.Contains("Jane"));
    }

    [Fact]
    public async Task Repeated_feedback_invoke_is_stored_once()
    {
        var invoke = Activities.FeedbackInvoke(Service.ServiceUrl, "activity-42", "like", "Great");
        await SendAsync(invoke, HttpStatusCode.OK);
        await SendAsync(invoke, HttpStatusCode.OK);

        Assert.Single(Bot.Feedback.Entries);
    }

    [Theory]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"meh"}}""", "like\" or \"dislike")]
    [InlineData("""{"actionName":"feedback"}""", "no actionValue")]
    [InlineData("""{"actionName":"other","actionValue":{"reaction":"like"}}""", "not feedback")]
    [InlineData("\"feedback\"", "no value object")]
    public async Task Malformed_feedback_gets_400_stores_nothing_and_logs_why(string value, string reason)
    {
        var invoke = Activities.FeedbackInvoke(Service.ServiceUrl, "activity-42", "like", null);
        invoke["value"] = JsonNode.Parse(value);
        var response = await SendAsync(invoke, HttpStatusCode.BadRequest);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Bot.Feedback.Entries);
        Assert.Contains(Bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Refused a feedback invoke") && e.Message.Contains(reason));
    }

    [Fact]
    public async Task A_store_that_cannot_write_answers_500_and_a_retry_is_stored()
    {
        var invoke = Activities.FeedbackInvoke(Service.ServiceUrl, "activity-42", "like", null);
        Bot.Feedback.Broken = true;
        await SendAsync(invoke, HttpStatusCode.InternalServerError);
        Bot.Feedback.Broken = false;
        await SendAsync(invoke, HttpStatusCode.OK);

        Assert.Single(Bot.Feedback.Entries);
    }

    [Fact]
    public async Task Free_text_feedback_that_is_not_json_is_kept_as_sent()
    {
        var invoke = Activities.FeedbackInvoke(Service.ServiceUrl, "activity-42", "like", null);
        invoke["value"]!["actionValue"]!["feedback"] = "plain words";
        await SendAsync(invoke, HttpStatusCode.OK);

        Assert.Equal("plain words", Assert.Single(Bot.Feedback.Entries).Text);
    }
}
