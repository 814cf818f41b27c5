using System.Net;
using System.Text.Json.Nodes;
using Bot.Channels.BotFramework.Authentication;
using Bot.Channels.BotFramework.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.BotFramework.Tests;

public sealed class AuthenticationTests : BotTestBase
{
    public static TheoryData<string> RejectedTokens => new()
    {
        "missing", "not a jwt", "expired", "wrong audience", "wrong issuer", "tampered payload", "forged key", "service url mismatch",
        "no service url", "key not endorsed for channel",
    };

    private string TokenFor(string kind) => kind switch
    {
        "expired" => TestKeys.CreateToken(TestKeys.Connector, Service.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10)),
        "wrong audience" => TestKeys.CreateToken(TestKeys.Connector, Service.ServiceUrl, audience: "another-bot"),
        "wrong issuer" => TestKeys.CreateToken(TestKeys.Connector, Service.ServiceUrl, issuer: "https://evil.example.com"),
        "tampered payload" => TestKeys.Tamper(ConnectorToken(), "aud", "another-bot"),
        "forged key" => TestKeys.CreateToken(TestKeys.Forger, Service.ServiceUrl),
        "service url mismatch" => TestKeys.CreateToken(TestKeys.Connector, "https://smba.trafficmanager.net/evil/"),
        "no service url" => TestKeys.CreateToken(TestKeys.Connector, null),
        "key not endorsed for channel" => TestKeys.CreateToken(TestKeys.WebChatOnly, Service.ServiceUrl),
        "not a jwt" => "abc.def",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Invalid_token_gets_401_and_nothing_is_processed(string kind)
    {
        var rejected = Activities.MentioningBot(Service.ServiceUrl, "Forged question?");
        var response = await Bot.PostAsync(rejected, kind == "missing" ? null : TokenFor(kind));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        // A valid message in the same conversation is answered after anything queued before it.
        await SendAsync(Activities.MentioningBot(Service.ServiceUrl, "Genuine question?"));
        var activities = await Service.WaitForActivitiesAsync(a => a.Any(r => r.Type == "message"));
        Assert.Equal("Genuine question?", Assert.Single(Ask.Requests).Question);
        Assert.DoesNotContain(activities, r => r.Path.EndsWith((string)rejected["id"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Entra_token_for_the_bots_tenant_is_accepted()
    {
        var tokens = new[]
        {
            TestKeys.CreateEntraToken($"https://login.microsoftonline.com/{TestKeys.Tenant}/v2.0"),
            TestKeys.CreateEntraToken($"https://sts.windows.net/{TestKeys.Tenant}/", claim: "appid"),
        };
        foreach (var token in tokens)
        {
            var response = await Bot.PostAsync(Activities.MentioningBot(Service.ServiceUrl, "From the Emulator?"), token);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        await Service.WaitForActivitiesAsync(a => a.Count(r => r.Type == "message") == 2);
    }

    [Fact]
    public async Task Entra_token_signed_with_the_connector_key_is_rejected()
    {
        var token = TestKeys.CreateEntraToken($"https://login.microsoftonline.com/{TestKeys.Tenant}/v2.0", key: TestKeys.Connector);
        var response = await Bot.PostAsync(Activities.MentioningBot(Service.ServiceUrl, "Mixed keys?"), token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("another-app-in-the-tenant")]
    [InlineData(null)]
    public async Task Entra_token_issued_to_another_app_is_rejected(string? party)
    {
        var issuer = $"https://login.microsoftonline.com/{TestKeys.Tenant}/v2.0";
        var token = party is null ? TestKeys.CreateToken(TestKeys.Entra, null, issuer) : TestKeys.CreateEntraToken(issuer, party);
        var response = await Bot.PostAsync(Activities.MentioningBot(Service.ServiceUrl, "Steer the replies?"), token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Ask.Requests);
    }

    [Fact]
    public async Task Entra_token_from_another_tenant_is_rejected()
    {
        var token = TestKeys.CreateEntraToken("https://login.microsoftonline.com/other-tenant/v2.0");
        var response = await Bot.PostAsync(Activities.MentioningBot(Service.ServiceUrl, "Other tenant?"), token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Key_endorsed_for_web_chat_is_accepted_on_web_chat()
    {
        var response = await Bot.PostAsync(Activities.WebChatMessage(Service.ServiceUrl, "Hello?"), TestKeys.CreateToken(TestKeys.WebChatOnly, Service.ServiceUrl));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}

public sealed class UnreachableMetadataTests : BotTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Nothing listens on the discard port: the signing keys cannot be fetched.
        ["BotFramework:BotConnectorOpenIdMetadataUrl"] = "http://127.0.0.1:9/.well-known/openidconfiguration",
    };

    [Fact]
    public async Task Unreachable_signing_keys_answer_503_so_the_channel_retries_and_nothing_is_processed()
    {
        var response = await Bot.PostAsync(Activities.MentioningBot(Service.ServiceUrl, "Anyone?"), ConnectorToken());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(Ask.Requests);
    }
}

public sealed class UnauthenticatedModeTests : IAsyncLifetime
{
    private FakeBotService _service = null!;
    private readonly ScriptedAskService _ask = new();

    public async ValueTask InitializeAsync() => _service = await FakeBotService.StartAsync();

    public async ValueTask DisposeAsync() => await _service.DisposeAsync();

    private static readonly Dictionary<string, string?> NoAppId = new()
    {
        ["MicrosoftAppId"] = null,
        ["MicrosoftAppPassword"] = null,
        ["MicrosoftAppTenantId"] = null,
        ["MicrosoftAppType"] = null,
    };

    [Fact]
    public async Task Without_app_id_local_callers_are_answered_without_a_token_and_warned_about_once()
    {
        await using var bot = await BotHost.StartAsync(_service, _ask, NoAppId);
        var emulator = Activities.WebChatMessage(_service.ServiceUrl, "Hello from the Emulator");
        emulator["channelId"] = "emulator";

        Assert.Equal(HttpStatusCode.Accepted, (await bot.PostAsync(emulator, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await bot.PostAsync(Activities.WebChatMessage(_service.ServiceUrl, "Again"), null)).StatusCode);

        var replies = (await _service.WaitForActivitiesAsync(a => a.Count(r => r.Type == "message") == 2)).Where(r => r.Type == "message");
        Assert.All(replies, r => Assert.Equal("", r.Authorization));
        Assert.Empty(_service.TokenRequests);
        Assert.Single(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("No MicrosoftAppId is configured"));
    }

    [Fact]
    public async Task Without_app_id_remote_callers_are_rejected()
    {
        await using var bot = await BotHost.StartAsync(_service, _ask, NoAppId,
            app => app.Use((context, next) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
                return next(context);
            }));

        var response = await bot.PostAsync(Activities.WebChatMessage(_service.ServiceUrl, "Hello from afar"), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_ask.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("192.0.2.2", false)]
    [InlineData("::ffff:203.0.113.7", false)]
    [InlineData("fd00::2", false)]
    public void Loopback_policy_admits_only_this_machine(string address, bool allowed) =>
        Assert.Equal(allowed, LoopbackPolicy.Allows(IPAddress.Parse(address)));

    [Fact]
    public void Loopback_policy_rejects_an_unknown_caller() => Assert.False(LoopbackPolicy.Allows(null));
}
