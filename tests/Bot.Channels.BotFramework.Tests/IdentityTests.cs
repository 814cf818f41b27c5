using System.Net;
using Bot.Channels.BotFramework.Authentication;
using Bot.Channels.BotFramework.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Tests;

/// <summary>The registration types, checked at start: SingleTenant by default, UserAssignedMSI, MultiTenant with a note.</summary>
public sealed class IdentityTests : IAsyncLifetime
{
    private FakeBotService _service = null!;
    private readonly ScriptedAskService _ask = new();

    public async ValueTask InitializeAsync() => _service = await FakeBotService.StartAsync();

    public async ValueTask DisposeAsync() => await _service.DisposeAsync();

    private async Task<RecordedRequest> ReplyAsync(BotHost bot)
    {
        var message = Activities.MentioningBot(_service.ServiceUrl, "Who signs?");
        Assert.Equal(HttpStatusCode.Accepted, (await bot.PostAsync(message, TestKeys.CreateToken(TestKeys.Connector, _service.ServiceUrl))).StatusCode);
        var reply = $"/v3/conversations/{message["conversation"]!["id"]}/activities/{message["id"]}";
        return (await _service.WaitForActivitiesAsync(a => a.Any(r => r.Path == reply && r.Type == "message"))).Single(r => r.Path == reply && r.Type == "message");
    }

    [Fact]
    public async Task Unset_type_is_single_tenant_and_asks_the_bots_own_tenant_for_tokens()
    {
        await using var bot = await BotHost.StartAsync(_service, _ask, new Dictionary<string, string?> { ["MicrosoftAppType"] = null });

        var reply = await ReplyAsync(bot);

        var token = Assert.Single(_service.TokenRequests);
        Assert.Equal($"/{TestKeys.Tenant}/oauth2/v2.0/token", token.Path);
        Assert.Equal($"Bearer token-{token.Sequence}", reply.Authorization);
    }

    [Theory]
    [InlineData("SingleTenant", "MicrosoftAppTenantId", null, "needs MicrosoftAppTenantId")]
    [InlineData(null, "MicrosoftAppTenantId", null, "needs MicrosoftAppTenantId")]
    [InlineData("UserAssignedMSI", "MicrosoftAppTenantId", null, "needs MicrosoftAppTenantId")]
    [InlineData("SingleTenant", "MicrosoftAppPassword", null, "needs MicrosoftAppPassword")]
    [InlineData("MultiTenant", "MicrosoftAppPassword", "", "needs MicrosoftAppPassword")]
    [InlineData("Federated", "MicrosoftAppTenantId", TestKeys.Tenant, "'Federated' is not supported")]
    public async Task A_registration_that_cannot_work_stops_the_start_with_what_to_set(string? type, string key, string? value, string reason)
    {
        var settings = new Dictionary<string, string?> { ["MicrosoftAppType"] = type, [key] = value };
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(_service, _ask, settings));
        Assert.Contains(reason, failure.Message);
    }

    [Fact]
    public async Task Multi_tenant_registration_still_works_with_a_note_that_new_ones_are_not_allowed()
    {
        await using var bot = await BotHost.StartAsync(_service, _ask, new Dictionary<string, string?> { ["MicrosoftAppType"] = "MultiTenant" });

        await ReplyAsync(bot);

        Assert.Equal("/botframework.com/oauth2/v2.0/token", Assert.Single(_service.TokenRequests).Path);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Azure no longer creates new ones"));
    }

    [Fact]
    public async Task User_assigned_managed_identity_gets_its_token_from_the_managed_identity_endpoint()
    {
        await using var bot = await BotHost.StartAsync(_service, _ask, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppPassword"] = null,
            ["BotFramework:ManagedIdentityEndpoint"] = _service.ManagedIdentityUrl,
        });

        var reply = await ReplyAsync(bot);
        await ReplyAsync(bot);

        var token = Assert.Single(_service.ManagedIdentityRequests);
        Assert.Equal(("https://api.botframework.com", TestKeys.AppId, "2018-02-01", "true"),
            (token.Form!["resource"], token.Form["client_id"], token.Form["api-version"], token.Form["Metadata"]));
        Assert.Equal($"Bearer msi-token-{token.Sequence}", reply.Authorization);
        Assert.Empty(_service.TokenRequests);
    }
}

public sealed class ServiceUrlTests : BotTestBase
{
    [Fact]
    public async Task An_activity_naming_a_service_url_off_the_allow_list_is_refused_and_nothing_is_sent_there()
    {
        const string elsewhere = "http://localhost:9/";
        var message = Activities.MentioningBot(elsewhere, "Reply over there?");
        var response = await Bot.PostAsync(message, TestKeys.CreateToken(TestKeys.Connector, elsewhere));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(Bot.Logs.Entries, e => e.Message.Contains("'localhost' is not in BotFramework:AllowedServiceUrls"));
        Assert.Empty(Ask.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/", true)]
    [InlineData("https://webchat.botframework.com/", true)]
    [InlineData("https://europe.directline.botframework.com/", true)]
    [InlineData("http://smba.trafficmanager.net/teams/", false)]
    [InlineData("https://botframework.com.evil.example/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("https://attacker.example/", false)]
    [InlineData("http://127.0.0.1:5000/", false)]
    [InlineData("not a url", false)]
    public void Default_allow_list_is_the_Bot_Connector_and_Teams_hosts_over_https(string serviceUrl, bool allowed) =>
        Assert.Equal(allowed, new ServiceUrlPolicy(Options.Create(new BotFrameworkOptions())).Check(serviceUrl) is null);

    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector", true)]
    [InlineData("http://localhost:56150/_connector", true)]
    [InlineData("http://10.0.0.5:56150/_connector", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", false)]
    public void A_configured_list_replaces_the_defaults_and_allows_http_only_on_loopback(string serviceUrl, bool allowed)
    {
        var policy = new ServiceUrlPolicy(Options.Create(new BotFrameworkOptions { AllowedServiceUrls = ["127.0.0.1", "http://localhost:56150/", "10.0.0.5"] }));
        Assert.Equal(allowed, policy.Check(serviceUrl) is null);
    }
}
