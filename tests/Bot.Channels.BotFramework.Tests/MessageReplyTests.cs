using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Channels.BotFramework.Tests.Fakes;
using Bot.Core.Answering;

namespace Bot.Channels.BotFramework.Tests;

public sealed class MessageReplyTests : BotTestBase
{
    [Fact]
    public async Task Teams_group_message_gets_exactly_one_cited_reply_at_the_reply_url()
    {
        var message = Activities.MentioningBot(Service.ServiceUrl, "What did the Fed decide?");
        await SendAsync(message);

        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));
        var reply = Assert.Single(activities, r => r.Type == "message");
        Assert.Equal(ReplyPath(message), reply.Path);
        Assert.Equal($"Bearer token-{Assert.Single(Service.TokenRequests).Sequence}", reply.Authorization);

        var body = reply.Body!;
        Assert.Equal(ScriptedAskService.CitedAnswer.Text, reply.Text);
        Assert.Equal(message["id"]!.GetValue<string>(), body["replyToId"]!.GetValue<string>());
        Assert.Equal(Activities.BotId, body["from"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.UserId, body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("default", body["channelData"]!["feedbackLoop"]!["type"]!.GetValue<string>());
        Assert.Null(body["channelData"]!["feedbackLoopEnabled"]);
        TeamsMessageRules.AssertValid(body);

        var entity = Assert.Single(body["entities"]!.AsArray())!;
        Assert.Equal("https://schema.org/Message", entity["type"]!.GetValue<string>());
        Assert.Equal("Message", entity["@type"]!.GetValue<string>());
        Assert.Equal("https://schema.org", entity["@context"]!.GetValue<string>());
        Assert.Equal("", entity["@id"]!.GetValue<string>());
        Assert.Equal(["AIGeneratedContent"], entity["additionalType"]!.AsArray().Select(t => t!.GetValue<string>()));

        var claims = entity["citation"]!.AsArray();
        var markers = Regex.Matches(reply.Text!, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
        Assert.Equal(markers, claims.Select(c => c!["position"]!.GetValue<int>()).ToHashSet());
        foreach (var claim in claims)
        {
            Assert.Equal("Claim", claim!["@type"]!.GetValue<string>());
            var appearance = claim["appearance"]!;
            Assert.Equal("DigitalDocument", appearance["@type"]!.GetValue<string>());
            Assert.InRange(appearance["name"]!.GetValue<string>().Length, 1, 80);
            Assert.InRange(appearance["abstract"]!.GetValue<string>().Length, 1, 160);
            Assert.InRange(appearance["keywords"]!.AsArray().Count, 1, 3);
        }
        var first = claims.Single(c => c!["position"]!.GetValue<int>() == 1)!["appearance"]!;
        Assert.Equal("https://example.com/articles/1", first["url"]!.GetValue<string>());
        Assert.EndsWith("…", first["name"]!.GetValue<string>());
        Assert.Equal(["Reuters", "2017-06-14"], first["keywords"]!.AsArray().Select(k => k!.GetValue<string>()));
    }

    [Fact]
    public async Task Question_reaches_the_ask_service_without_the_mention_and_keyed_by_conversation()
    {
        var message = Activities.MentioningBot(Service.ServiceUrl, "What did the Fed decide?");
        await SendAsync(message);
        await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));

        var request = Assert.Single(Ask.Requests);
        Assert.Equal("What did the Fed decide?", request.Question);
        Assert.Equal(message["conversation"]!["id"]!.GetValue<string>(), request.ConversationId);
    }

    [Fact]
    public async Task Typing_indicator_is_sent_to_the_conversation_before_the_reply()
    {
        var message = Activities.MentioningBot(Service.ServiceUrl, "Any news?");
        await SendAsync(message);

        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));
        var typing = activities.First(r => r.Type == "typing");
        Assert.Equal(ConversationPath(message), typing.Path);
        Assert.True(typing.Sequence < activities.Single(r => r.Type == "message").Sequence);
    }

    [Fact]
    public async Task Token_is_requested_once_with_client_credentials_and_reused_across_replies()
    {
        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "First question?"));
        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "Second question?"));

        var replies = (await Service.WaitForActivitiesAsync(a => a.Count(r => r.Type == "message") == 2)).Where(r => r.Type == "message").ToList();
        var token = Assert.Single(Service.TokenRequests);
        Assert.Equal($"/{TestKeys.Tenant}/oauth2/v2.0/token", token.Path);
        Assert.Equal("client_credentials", token.Form!["grant_type"]);
        Assert.Equal(TestKeys.AppId, token.Form["client_id"]);
        Assert.Equal("app-secret", token.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", token.Form["scope"]);
        Assert.All(replies, r => Assert.Equal($"Bearer token-{token.Sequence}", r.Authorization));
    }

    [Fact]
    public async Task Abstention_carries_the_AI_label_but_no_citations()
    {
        Ask.Script = (_, ct) => ScriptedAskService.Stream(Answer.Abstain("The archive does not say.", "scripted"), ct);
        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "Who won the 2030 World Cup?"));

        var reply = (await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"))).Single(r => r.Type == "message");
        Assert.Equal("The archive does not say.", reply.Text);
        var entity = Assert.Single(reply.Body!["entities"]!.AsArray())!;
        Assert.Null(entity["citation"]);
        Assert.Equal("AIGeneratedContent", entity["additionalType"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Web_chat_gets_one_reply_with_the_sources_listed_in_the_text()
    {
        var message = Activities.WebChatMessage(Service.ServiceUrl, "What did the Fed decide?");
        await SendAsync(message);

        var reply = (await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"))).Single(r => r.Type == "message");
        Assert.Equal(ReplyPath(message), reply.Path);
        Assert.StartsWith(ScriptedAskService.CitedAnswer.Text, reply.Text);
        Assert.Contains("**Sources**", reply.Text);
        Assert.Contains("1. [Fed raises rates", reply.Text);
        Assert.Contains("2. Wall Street slips after Fed decision — Reuters", reply.Text);
    }

    [Fact]
    public async Task Failing_ask_service_gets_a_polite_apology()
    {
        Ask.Script = (_, _) => throw new InvalidOperationException("retrieval exploded");
        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "Anything?"));

        var reply = (await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"))).Single(r => r.Type == "message");
        Assert.StartsWith("Sorry, I could not answer that in time", reply.Text);
        Assert.Null(reply.Body!["channelData"]);
    }

    [Fact]
    public async Task Empty_question_after_the_mention_gets_a_hint_without_asking()
    {
        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "  "));

        var reply = (await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"))).Single(r => r.Type == "message");
        Assert.Contains("Ask me a question", reply.Text);
        Assert.Empty(Ask.Requests);
    }
}

public sealed class AnswerTimeoutTests : BotTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BotFramework:AnswerTimeout"] = "00:00:00.200",
    };

    [Fact]
    public async Task Answer_that_takes_too_long_is_replaced_by_an_apology()
    {
        Ask.Script = (_, ct) => Hang(ct);
        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "Slow question?"));

        var reply = (await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"))).Single(r => r.Type == "message");
        Assert.StartsWith("Sorry, I could not answer that in time", reply.Text);
    }

    private static async IAsyncEnumerable<AnswerUpdate> Hang([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }
}

public sealed class LongAnswerTests : BotTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BotFramework:MaxMessageBytes"] = "6000",
    };

    [Fact]
    public async Task Answer_over_the_size_limit_is_cut_with_a_link_and_keeps_only_citations_still_referred_to()
    {
        var sentences = Enumerable.Range(0, 120).Select(i => $"Sentence {i} reports that prices “rose” again [{(i < 110 ? 1 : 2)}].");
        var citations = ScriptedAskService.CitedAnswer.Citations;
        Ask.Script = (_, ct) => ScriptedAskService.Stream(new Answer(string.Join(" ", sentences), false, citations), ct);
        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "Tell me everything"));

        var reply = (await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"))).Single(r => r.Type == "message");
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(reply.Body!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        })), 1000, 6000);
        Assert.Contains("Read it in full in the web chat](https://bot.example.com/chat?q=Tell%20me%20everything)", reply.Text);
        Assert.DoesNotContain("[2]", reply.Text);
        var claims = reply.Body["entities"]![0]!["citation"]!.AsArray();
        Assert.Equal([1], claims.Select(c => c!["position"]!.GetValue<int>()));
    }
}
