using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.BotFramework.Tests.Fakes;

/// <summary>
/// Plays Microsoft's side on loopback: the Bot Connector (records every activity the bot sends), the Entra ID
/// token endpoint, and the OpenID metadata + signing keys of both the Bot Connector and Entra ID.
/// </summary>
public sealed class FakeBotService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _sequence;

    private FakeBotService(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    /// <summary>The serviceUrl activities carry: replies come back here.</summary>
    public string ServiceUrl => BaseUrl + "/";
    public string ConnectorMetadataUrl => BaseUrl + "/botconnector/.well-known/openidconfiguration";
    public string EntraMetadataUrlTemplate => BaseUrl + "/{tenant}/v2.0/.well-known/openid-configuration";
    public string ManagedIdentityUrl => BaseUrl + "/msi/token";

    /// <summary>Lets a test answer a Connector request with an error status (and Retry-After seconds) instead.</summary>
    public Func<RecordedRequest, (int Status, int? RetryAfterSeconds)?>? Failure { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();
    public IReadOnlyList<RecordedRequest> Activities => Requests.Where(r => r.IsActivity).ToList();
    public IReadOnlyList<RecordedRequest> TokenRequests => Requests.Where(r => r.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)).ToList();
    public IReadOnlyList<RecordedRequest> ManagedIdentityRequests => Requests.Where(r => r.Path == "/msi/token").ToList();

    public static async Task<FakeBotService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var service = new FakeBotService(builder.Build());
        service.Map();
        await service._app.StartAsync();
        service.BaseUrl = service._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return service;
    }

    /// <summary>Polls the recorded requests until <paramref name="condition"/> holds; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForActivitiesAsync(Func<IReadOnlyList<RecordedRequest>, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var activities = Activities;
            if (condition(activities)) return activities;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"The expected activities did not arrive. Received:\n{string.Join("\n", activities.Select(a => $"{a.Path} {a.Body?.ToJsonString()}"))}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private void Map()
    {
        _app.MapGet("/botconnector/.well-known/openidconfiguration", () => Results.Json(new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["jwks_uri"] = BaseUrl + "/botconnector/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        _app.MapGet("/botconnector/keys", () => Results.Json(new JsonObject
        {
            ["keys"] = new JsonArray(
                TestKeys.Jwk(TestKeys.Connector, "msteams", "webchat", "emulator", "directline"),
                TestKeys.Jwk(TestKeys.WebChatOnly, "webchat")),
        }));
        _app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new JsonObject
        {
            ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
            ["jwks_uri"] = $"{BaseUrl}/{tenant}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        _app.MapGet("/{tenant}/discovery/v2.0/keys", () => Results.Json(new JsonObject { ["keys"] = new JsonArray(TestKeys.Jwk(TestKeys.Entra)) }));

        _app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var recorded = Record(context, null, form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            _requests.Enqueue(recorded);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = $"token-{recorded.Sequence}" });
        });

        // A managed identity endpoint as the instance metadata service answers: expires_in as a string.
        _app.MapGet("/msi/token", (HttpContext context) =>
        {
            var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            query["Metadata"] = context.Request.Headers["Metadata"].ToString();
            var recorded = Record(context, null, query);
            _requests.Enqueue(recorded);
            return Results.Json(new { token_type = "Bearer", expires_in = "3600", access_token = $"msi-token-{recorded.Sequence}" });
        });

        _app.MapPost("/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            var recorded = Record(context, body, null);
            if (Failure?.Invoke(recorded) is { } failure)
            {
                if (failure.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                recorded.Status = failure.Status;
                _requests.Enqueue(recorded);
                return Results.StatusCode(failure.Status);
            }
            _requests.Enqueue(recorded);
            return Results.Json(new { id = recorded.ResponseId }, statusCode: StatusCodes.Status201Created);
        });
    }

    private RecordedRequest Record(HttpContext context, JsonNode? body, IReadOnlyDictionary<string, string>? form)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        return new RecordedRequest(sequence, context.Request.Path.Value ?? "", context.Request.Headers.Authorization.ToString(), body, form);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the bot made to the fake services.</summary>
public sealed record RecordedRequest(int Sequence, string Path, string Authorization, JsonNode? Body, IReadOnlyDictionary<string, string>? Form)
{
    public int Status { get; set; } = 201;
    public string ResponseId => $"activity-{Sequence}";
    public bool IsActivity => Path.StartsWith("/v3/conversations/", StringComparison.Ordinal);
    public bool Succeeded => Status < 300;
    public string? Type => Body?["type"]?.GetValue<string>();
    public string? Text => Body?["text"]?.GetValue<string>();
}
