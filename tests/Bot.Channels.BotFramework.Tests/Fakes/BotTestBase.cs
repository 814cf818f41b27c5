using System.Net;
using System.Text.Json.Nodes;

namespace Bot.Channels.BotFramework.Tests.Fakes;

/// <summary>A fake Microsoft side, a scripted ask service and the bot between them, fresh for each test.</summary>
public abstract class BotTestBase : IAsyncLifetime
{
    protected FakeBotService Service { get; private set; } = null!;
    protected ScriptedAskService Ask { get; } = new();
    protected BotHost Bot { get; private set; } = null!;

    /// <summary>Configuration overrides for the bot started before each test.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async ValueTask InitializeAsync()
    {
        Service = await FakeBotService.StartAsync();
        Bot = await BotHost.StartAsync(Service, Ask, Settings);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Service.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A token as the Bot Connector issues it for activities from <see cref="FakeBotService.ServiceUrl"/>.</summary>
    protected string ConnectorToken() => TestKeys.CreateToken(TestKeys.Connector, Service.ServiceUrl);

    protected async Task<HttpResponseMessage> SendAsync(JsonNode activity, HttpStatusCode expected = HttpStatusCode.Accepted)
    {
        var response = await Bot.PostAsync(activity, ConnectorToken());
        Assert.Equal(expected, response.StatusCode);
        return response;
    }

    protected static string ReplyPath(JsonNode activity) =>
        $"/v3/conversations/{activity["conversation"]!["id"]}/activities/{activity["id"]}";

    protected static string ConversationPath(JsonNode activity) =>
        $"/v3/conversations/{activity["conversation"]!["id"]}/activities";
}
