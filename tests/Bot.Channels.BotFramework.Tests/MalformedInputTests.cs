using System.Net;
using System.Text.Json.Nodes;
using Bot.Channels.BotFramework.Tests.Fakes;

namespace Bot.Channels.BotFramework.Tests;

public sealed class MalformedInputTests : BotTestBase
{
    [Theory]
    [InlineData("{ not json", "not a valid activity")]
    [InlineData("", "not a valid activity")]
    [InlineData("null", "empty")]
    [InlineData("[1, 2]", "not a valid activity")]
    [InlineData("""{"type": "message", "conversation": 5}""", "not a valid activity")]
    [InlineData("""{"type": "message", "timestamp": "yesterday"}""", "not a valid activity")]
    [InlineData("""{"text": "no type"}""", "type")]
    [InlineData("""{"type": "message", "text": "hi"}""", "serviceUrl")]
    public async Task Malformed_body_gets_400_problem_details(string body, string expected)
    {
        var response = await Bot.PostRawAsync(body, ConnectorToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Contains(expected, problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("serviceUrl", "serviceUrl")]
    [InlineData("conversation", "conversation.id")]
    [InlineData("recipient", "recipient.id")]
    [InlineData("from", "from.id")]
    public async Task Message_without_an_address_names_the_missing_field(string removed, string named)
    {
        var message = Activities.MentioningBot(Service.ServiceUrl, "Hello?");
        message.Remove(removed);
        // Entra tokens carry no serviceurl claim, so only the body check can object to a missing serviceUrl.
        var token = removed == "serviceUrl"
            ? TestKeys.CreateEntraToken($"https://login.microsoftonline.com/{TestKeys.Tenant}/v2.0")
            : ConnectorToken();

        var response = await Bot.PostAsync(message, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("mention")]
    [InlineData("feedback")]
    public async Task A_string_that_is_no_text_in_raw_json_gets_400_not_500(string where)
    {
        const string Placeholder = "@@unpaired@@";
        var activity = where == "mention"
            ? Activities.MentioningBot(Service.ServiceUrl, "hi")
            : Activities.FeedbackInvoke(Service.ServiceUrl, "activity-42", "like", "fine");
        if (where == "mention") activity["entities"]![0]!["text"] = Placeholder;
        else activity["value"]!["actionValue"]!["reaction"] = Placeholder;
        var body = activity.ToJsonString().Replace(Placeholder, "\\ud800", StringComparison.Ordinal);

        var response = await Bot.PostRawAsync(body, ConnectorToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid text", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Bot_keeps_answering_after_bad_input()
    {
        await Bot.PostRawAsync("{\"type\": ", ConnectorToken());
        await Bot.PostRawAsync("\u0000\u0001", ConnectorToken());

        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "Still alive?"));
        await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));
    }
}
