using System.Net;
using Bot.Channels.BotFramework.Tests.Fakes;

namespace Bot.Channels.BotFramework.Tests;

/// <summary>Which activities get answered: mentions in groups, one greeting per member, one answer per activity id.</summary>
public sealed class ConversationTests : BotTestBase
{
    [Fact]
    public async Task Group_chat_message_without_a_mention_is_ignored()
    {
        var chatter = Activities.TeamsMessage(Service.ServiceUrl, "Lunch at noon?", "groupChat");
        var mentionsSomeoneElse = Activities.TeamsMessage(Service.ServiceUrl, "<at>Bob</at> lunch?", "groupChat",
            entities: Activities.Mention("29:bob", "Bob"));
        await SendAsync(chatter);
        await SendAsync(mentionsSomeoneElse);

        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "What did the Fed decide?"));
        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));

        Assert.Equal("What did the Fed decide?", Assert.Single(Ask.Requests).Question);
        Assert.DoesNotContain(activities, r => r.Path == ReplyPath(chatter) || r.Path == ReplyPath(mentionsSomeoneElse));
    }

    [Fact]
    public async Task Channel_message_mentioning_the_bot_mid_sentence_is_answered_without_the_mention()
    {
        var message = Activities.TeamsMessage(Service.ServiceUrl, "Hey <at>NewsBot</at>, what did the Fed decide?", "channel",
            conversationId: "19:channel@thread.tacv2;messageid=1700000000000", entities: Activities.Mention(Activities.BotId, Activities.BotName));
        await SendAsync(message);

        var reply = (await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"))).Single(r => r.Type == "message");
        Assert.Equal(ReplyPath(message), reply.Path);
        Assert.Equal("Hey, what did the Fed decide?", Assert.Single(Ask.Requests).Question);
    }

    [Fact]
    public async Task Repeated_activity_id_is_answered_once()
    {
        var message = Activities.MentioningBot(Service.ServiceUrl, "What did the Fed decide?");
        await SendAsync(message);
        await SendAsync(message, HttpStatusCode.OK);

        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "Second question?"));
        var replies = (await Service.WaitForActivitiesAsync(a => a.Count(r => r.Type == "message") == 2)).Where(r => r.Type == "message").ToList();

        Assert.Single(replies, r => r.Path == ReplyPath(message));
        Assert.Equal(["What did the Fed decide?", "Second question?"], Ask.Requests.Select(r => r.Question));
    }

    [Fact]
    public async Task Installing_the_bot_is_welcomed_once_with_a_card_and_people_joining_later_are_not()
    {
        const string team = "19:general@thread.tacv2";
        await SendAsync(Activities.InstallationUpdate(Service.ServiceUrl, team));
        await SendAsync(Activities.MembersAdded(Service.ServiceUrl, team, Activities.BotId, "29:ada"));
        await SendAsync(Activities.MembersAdded(Service.ServiceUrl, team, "29:carol"), HttpStatusCode.OK);
        await SendAsync(Activities.MembersAdded(Service.ServiceUrl, "19:other-chat@thread.v2", Activities.BotId));

        // A later question in the team is answered after everything queued before it.
        var message = Activities.MentioningBot(Service.ServiceUrl, "Done?");
        message["conversation"]!["id"] = team;
        await SendAsync(message);
        var all = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Path == ReplyPath(message)) && a.Count(r => r.Type == "message") == 3);

        var welcomes = all.Where(r => r.Type == "message" && r.Path != ReplyPath(message)).ToList();
        // Each conversation has its own queue: the two welcomes may arrive in either order.
        Assert.Equal([$"/v3/conversations/{team}/activities", "/v3/conversations/19:other-chat@thread.v2/activities"],
            welcomes.Select(w => w.Path).Order(StringComparer.Ordinal));
        Assert.All(welcomes, w => Assert.Equal("application/vnd.microsoft.card.adaptive", w.Body!["attachments"]![0]!["contentType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Channel_thread_gets_no_typing_indicator_only_the_answer()
    {
        var message = Activities.TeamsMessage(Service.ServiceUrl, "<at>NewsBot</at> what did the Fed decide?", "channel",
            conversationId: "19:channel@thread.tacv2;messageid=1700000000001", entities: Activities.Mention(Activities.BotId, Activities.BotName));
        await SendAsync(message);

        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));
        Assert.DoesNotContain(activities, r => r.Type == "typing");
        Assert.Single(activities, r => r.Type == "message");
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("event")]
    [InlineData("somethingNew")]
    public async Task Other_activity_types_are_acknowledged_and_ignored(string type)
    {
        var activity = Activities.TeamsMessage(Service.ServiceUrl, "ignored");
        activity["type"] = type;
        await SendAsync(activity, HttpStatusCode.OK);

        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "Still there?"));
        await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));
        Assert.Equal("Still there?", Assert.Single(Ask.Requests).Question);
    }

    [Fact]
    public async Task Unknown_invoke_gets_an_empty_200()
    {
        var invoke = Activities.FeedbackInvoke(Service.ServiceUrl, "activity-1", "like", null);
        invoke["name"] = "adaptiveCard/action";
        var response = await SendAsync(invoke, HttpStatusCode.OK);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
