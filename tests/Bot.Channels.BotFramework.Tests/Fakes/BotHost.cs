using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Bot.Core.Answering;

namespace Bot.Channels.BotFramework.Tests.Fakes;

/// <summary>The bot as the lead wires it (AddBotFramework + MapBotFramework) on real Kestrel, talking to a <see cref="FakeBotService"/>.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, HttpClient client, LogRecorder logs, RecordingFeedbackStore feedback)
    {
        Feedback = feedback;
        _app = app;
        Client = client;
        Logs = logs;
    }

    public HttpClient Client { get; }
    public LogRecorder Logs { get; }
    public RecordingFeedbackStore Feedback { get; }

    /// <param name="settings">Overrides of the default test configuration (null removes a key).</param>
    /// <param name="beforeEndpoint">Middleware to run before the endpoint (e.g. to simulate a remote caller).</param>
    public static async Task<BotHost> StartAsync(
        FakeBotService service,
        IAskService ask,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplication>? beforeEndpoint = null,
        string environment = "Production")
    {
        var configuration = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = TestKeys.AppId,
            ["MicrosoftAppPassword"] = "app-secret",
            ["MicrosoftAppTenantId"] = TestKeys.Tenant,
            ["MicrosoftAppType"] = "SingleTenant",
            ["BotFramework:TokenEndpointBaseUrl"] = service.BaseUrl,
            ["BotFramework:BotConnectorOpenIdMetadataUrl"] = service.ConnectorMetadataUrl,
            ["BotFramework:EntraOpenIdMetadataUrl"] = service.EntraMetadataUrlTemplate,
            ["BotFramework:StreamingUpdateInterval"] = "00:00:00",
            ["BotFramework:TypingInterval"] = "00:10:00",
            ["BotFramework:RetryBaseDelay"] = "00:00:00.010",
            ["BotFramework:WebChatUrl"] = "https://bot.example.com/chat",
            // The fake Connector listens on loopback; production hosts stay out of tests.
            ["BotFramework:AllowedServiceUrls:0"] = "127.0.0.1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(configuration.Where(c => c.Value is not null));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new LogRecorder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton(ask);
        var feedback = new RecordingFeedbackStore();
        builder.Services.AddSingleton<IFeedbackStore>(feedback);
        builder.Services.AddBotFramework(builder.Configuration);

        var app = builder.Build();
        beforeEndpoint?.Invoke(app);
        app.MapBotFramework("/api/messages");
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotHost(app, new HttpClient { BaseAddress = new Uri(address) }, logs, feedback);
    }

    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string? token) => PostRawAsync(activity.ToJsonString(), token);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
