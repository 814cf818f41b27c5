using System.Net;
using System.Net.Http.Json;
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

    private static Dictionary<string, string?> NoAppId(bool allowUnauthenticated) => new()
    {
        ["MicrosoftAppId"] = null,
        ["MicrosoftAppPassword"] = null,
        ["MicrosoftAppTenantId"] = null,
        ["MicrosoftAppType"] = null,
        ["BotFramework:AllowUnauthenticated"] = allowUnauthenticated ? "true" : null,
    };

    [Fact]
    public async Task When_asked_for_in_Development_local_callers_are_answered_without_a_token_and_warned_about_once()
    {
        await using var bot = await BotHost.StartAsync(_service, _ask, NoAppId(true), environment: "Development");
        var emulator = Activities.WebChatMessage(_service.ServiceUrl, "Hello from the Emulator");
        emulator["channelId"] = "emulator";

        Assert.Equal(HttpStatusCode.Accepted, (await bot.PostAsync(emulator, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await bot.PostAsync(Activities.WebChatMessage(_service.ServiceUrl, "Again"), null)).StatusCode);

        var replies = (await _service.WaitForActivitiesAsync(a => a.Count(r => r.Type == "message") == 2)).Where(r => r.Type == "message");
        Assert.All(replies, r => Assert.Equal("", r.Authorization));
        Assert.Empty(_service.TokenRequests);
        Assert.Single(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("accepting unauthenticated activities"));
    }

    [Fact]
    public async Task Without_app_id_and_not_asked_for_even_local_callers_are_refused_with_the_reason_logged()
    {
        await using var bot = await BotHost.StartAsync(_service, _ask, NoAppId(false), environment: "Development");

        var response = await bot.PostAsync(Activities.WebChatMessage(_service.ServiceUrl, "Hello?"), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(bot.Logs.Entries, e => e.Message.Contains("BotFramework:AllowUnauthenticated is off"));
        Assert.Empty(_ask.Requests);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task A_local_socket_behind_a_proxy_or_tunnel_is_not_trusted(string header, string value)
    {
        await using var bot = await BotHost.StartAsync(_service, _ask, NoAppId(true), environment: "Development");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(Activities.WebChatMessage(_service.ServiceUrl, "Via the tunnel")),
        };
        request.Headers.Add(header, value);

        var response = await bot.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_ask.Requests);
    }

    [Fact]
    public async Task Remote_callers_are_refused()
    {
        await using var bot = await BotHost.StartAsync(_service, _ask, NoAppId(true),
            app => app.Use((context, next) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
                return next(context);
            }), environment: "Development");

        var response = await bot.PostAsync(Activities.WebChatMessage(_service.ServiceUrl, "Hello from afar"), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_ask.Requests);
    }

    [Fact]
    public async Task Asking_for_it_outside_Development_stops_the_start()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(_service, _ask, NoAppId(true), environment: "Production"));
        Assert.Contains("Development environment only", failure.Message);
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
    public void Loopback_policy_rejects_an_unknown_caller() => Assert.False(LoopbackPolicy.Allows((IPAddress?)null));
}
