using Bot.Channels.BotFramework.Tests.Fakes;

namespace Bot.Channels.BotFramework.Tests;

public sealed class StreamingTests : BotTestBase
{
    [Fact]
    public async Task Personal_chat_streams_informative_then_growing_updates_then_the_final_cited_message()
    {
        var message = Activities.TeamsMessage(Service.ServiceUrl, "What did the Fed decide?");
        await SendAsync(message);

        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));
        Assert.All(activities, a => Assert.Equal(ReplyPath(message), a.Path));
        Assert.Equal("message", activities[^1].Type);

        var informative = activities[0];
        var first = StreamInfo(informative);
        Assert.Equal("typing", informative.Type);
        Assert.Equal("informative", first["streamType"]!.GetValue<string>());
        Assert.Equal(1, first["streamSequence"]!.GetValue<int>());
        Assert.Null(first["streamId"]);
        Assert.Equal("Searching the news archive…", informative.Text);
        var streamId = informative.ResponseId;

        var updates = activities.Skip(1).SkipLast(1).ToList();
        Assert.Equal(ScriptedAskService.CitedAnswer.Text.Split(' ').Length, updates.Count);
        for (var i = 0; i < updates.Count; i++)
        {
            var info = StreamInfo(updates[i]);
            Assert.Equal("typing", updates[i].Type);
            Assert.Equal("streaming", info["streamType"]!.GetValue<string>());
            Assert.Equal(streamId, info["streamId"]!.GetValue<string>());
            Assert.Equal(i + 2, info["streamSequence"]!.GetValue<int>());
            Assert.StartsWith(i == 0 ? "" : updates[i - 1].Text!, updates[i].Text);
        }
        Assert.Equal(ScriptedAskService.CitedAnswer.Text, updates[^1].Text);

        var final = activities[^1];
        var end = StreamInfo(final);
        Assert.Equal("final", end["streamType"]!.GetValue<string>());
        Assert.Equal(streamId, end["streamId"]!.GetValue<string>());
        Assert.Null(end["streamSequence"]);
        Assert.Equal(ScriptedAskService.CitedAnswer.Text, final.Text);
        Assert.Equal("default", final.Body!["channelData"]!["feedbackLoop"]!["type"]!.GetValue<string>());
        TeamsMessageRules.AssertValid(final.Body);
        var aiMessage = final.Body["entities"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "https://schema.org/Message")!;
        Assert.Equal([1, 2], aiMessage["citation"]!.AsArray().Select(c => c!["position"]!.GetValue<int>()));
    }

    [Fact]
    public async Task AI_label_citations_feedback_and_follow_ups_come_on_the_final_message_only()
    {
        await SendAsync(Activities.TeamsMessage(Service.ServiceUrl, "What did the Fed decide?"));

        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));
        foreach (var update in activities.Where(a => a.Type == "typing"))
        {
            Assert.Equal(["streaminfo"], update.Body!["entities"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
            Assert.Null(update.Body["channelData"]);
            Assert.Null(update.Body["suggestedActions"]);
        }
        var final = activities.Single(a => a.Type == "message").Body!;
        TeamsMessageRules.AssertValid(final);
        Assert.NotNull(final["suggestedActions"]);
    }

    [Fact]
    public async Task A_second_question_while_streaming_waits_for_the_first_stream_to_end()
    {
        var first = Activities.TeamsMessage(Service.ServiceUrl, "What did the Fed decide?");
        var second = Activities.TeamsMessage(Service.ServiceUrl, "And the stocks?");
        await SendAsync(first);
        await SendAsync(second);

        var activities = await Service.WaitForActivitiesAsync(a => a.Count(r => r.Type == "message") == 2);
        var firstEnd = activities.Single(a => a.Path == ReplyPath(first) && a.Type == "message").Sequence;
        var secondStart = activities.Where(a => a.Path == ReplyPath(second)).Min(a => a.Sequence);
        Assert.True(firstEnd < secondStart, "the second stream started before the first ended");
        Assert.Equal(2, activities.Count(a => a.Type == "typing" && StreamInfo(a)["streamType"]!.GetValue<string>() == "informative"));
    }

    [Fact]
    public async Task Refused_stream_falls_back_to_a_single_reply()
    {
        Service.Failure = r => r.Type == "typing" ? (403, null) : null;
        await SendAsync(Activities.TeamsMessage(Service.ServiceUrl, "What did the Fed decide?"));

        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));
        var final = activities.Single(r => r.Type == "message");
        Assert.Equal(ScriptedAskService.CitedAnswer.Text, final.Text);
        Assert.DoesNotContain(final.Body!["entities"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "streaminfo");
        Assert.Single(activities, r => r.Type == "typing");
    }

    [Fact]
    public async Task Failure_while_streaming_ends_the_stream_with_the_apology()
    {
        Ask.Script = (_, ct) => FailAfterOneWord(ct);
        await SendAsync(Activities.TeamsMessage(Service.ServiceUrl, "Will this work?"));

        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));
        var final = activities[^1];
        Assert.StartsWith("Sorry, I could not answer that in time", final.Text);
        Assert.Equal("final", StreamInfo(final)["streamType"]!.GetValue<string>());
        Assert.Equal(activities[0].ResponseId, StreamInfo(final)["streamId"]!.GetValue<string>());
    }

    private static async IAsyncEnumerable<Bot.Core.Answering.AnswerUpdate> FailAfterOneWord([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield return new Bot.Core.Answering.AnswerDelta("Partial");
        throw new InvalidOperationException("model went away");
    }

    private static System.Text.Json.Nodes.JsonNode StreamInfo(RecordedRequest request) =>
        request.Body!["entities"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "streaminfo")!;
}

public sealed class LongInformativeTests : BotTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BotFramework:InformativeText"] = new string('x', 1500),
    };

    [Fact]
    public async Task Informative_update_is_cut_to_the_1000_characters_Teams_accepts()
    {
        await SendAsync(Activities.TeamsMessage(Service.ServiceUrl, "What did the Fed decide?"));

        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));
        Assert.Equal(1000, activities[0].Text!.Length);
    }
}

public sealed class StreamingDeadlineTests : BotTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BotFramework:MaxStreamingDuration"] = "00:00:00",
    };

    [Fact]
    public async Task Stream_reaching_its_time_limit_is_closed_with_the_text_so_far_and_the_answer_follows()
    {
        await SendAsync(Activities.TeamsMessage(Service.ServiceUrl, "What did the Fed decide?"));

        var activities = await Service.WaitForActivitiesAsync(a => a.Count(r => r.Type == "message") == 2);
        Assert.Equal(["typing", "message", "message"], activities.Select(a => a.Type));
        var closing = activities[1];
        var info = closing.Body!["entities"]!.AsArray().Single()!;
        Assert.Equal(("streaminfo", "final", activities[0].ResponseId), (info["type"]!.GetValue<string>(), info["streamType"]!.GetValue<string>(), info["streamId"]!.GetValue<string>()));
        Assert.StartsWith("The\n\n…", closing.Text);

        var answer = activities[2];
        Assert.DoesNotContain(answer.Body!["entities"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "streaminfo");
        Assert.Equal(ScriptedAskService.CitedAnswer.Text, answer.Text);
    }
}
