using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Bot.Channels.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Connector;

/// <summary>
/// The bearer token the bot presents to the Bot Connector, for https://api.botframework.com: OAuth 2.0 client
/// credentials of its app registration, or for <see cref="BotAppType.UserAssignedMSI"/> a token from the
/// managed identity endpoint; cached until shortly before it expires.
/// </summary>
public sealed class BotTokenProvider(
    IHttpClientFactory httpClients,
    RetryingSender sender,
    IOptions<BotCredentials> credentials,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<BotTokenProvider> logger)
{
    public const string Resource = "https://api.botframework.com";
    public const string Scope = Resource + "/.default";
    /// <summary>The Azure instance metadata service, which serves managed identity tokens on VMs and AKS.</summary>
    public const string InstanceMetadataEndpoint = "http://169.254.169.254/metadata/identity/oauth2/token";

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private CachedToken? _cached;

    /// <summary>Null when no app id is configured (Emulator and local tools expect no token).</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var bot = credentials.Value;
        if (!bot.HasAppId) return null;
        if (_cached is { } fresh && time.GetUtcNow() < fresh.RefreshAt) return fresh.Value;

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } other && time.GetUtcNow() < other.RefreshAt) return other.Value;
            _cached = await RequestAsync(bot, cancellationToken);
            return _cached.Value;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<CachedToken> RequestAsync(BotCredentials bot, CancellationToken cancellationToken)
    {
        var (endpoint, createRequest) = bot.AppType == BotAppType.UserAssignedMSI ? ManagedIdentityRequest(bot) : ClientCredentialsRequest(bot);
        using var response = await sender.SendAsync(httpClients.CreateClient(BotFrameworkServiceCollectionExtensions.HttpClientName), createRequest, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await ConnectorException.FromResponseAsync("Bot token request", response, cancellationToken);

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(BotFrameworkJson.Options, cancellationToken);
        if (string.IsNullOrEmpty(token?.AccessToken))
            throw new ConnectorException("Bot token response carried no access_token.");

        var lifetime = token.Lifetime(time.GetUtcNow());
        // Refresh a little early so a token never expires on its way to the Connector.
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, lifetime.Ticks / 2));
        logger.LogInformation("Obtained a Bot Connector token from {Endpoint}, valid for {Lifetime}", endpoint, lifetime);
        return new CachedToken(token.AccessToken, time.GetUtcNow() + lifetime - margin);
    }

    private (string Endpoint, Func<HttpRequestMessage> Create) ClientCredentialsRequest(BotCredentials bot)
    {
        var endpoint = $"{options.Value.TokenEndpointBaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(bot.TokenTenant)}/oauth2/v2.0/token";
        return (endpoint, () => new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = bot.MicrosoftAppId!,
                ["client_secret"] = bot.MicrosoftAppPassword ?? "",
                ["scope"] = Scope,
            }),
        });
    }

    /// <summary>
    /// App Service publishes IDENTITY_ENDPOINT and IDENTITY_HEADER (api-version 2019-08-01); elsewhere the instance
    /// metadata service answers (api-version 2018-02-01, "Metadata: true"). client_id picks the user-assigned identity.
    /// </summary>
    private (string Endpoint, Func<HttpRequestMessage> Create) ManagedIdentityRequest(BotCredentials bot)
    {
        var appService = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
        var endpoint = options.Value.ManagedIdentityEndpoint is { Length: > 0 } configured ? configured : appService ?? InstanceMetadataEndpoint;
        var header = endpoint == appService ? Environment.GetEnvironmentVariable("IDENTITY_HEADER") : null;
        var version = header is null ? "2018-02-01" : "2019-08-01";
        var url = $"{endpoint}{(endpoint.Contains('?') ? '&' : '?')}api-version={version}&resource={Uri.EscapeDataString(Resource)}&client_id={Uri.EscapeDataString(bot.MicrosoftAppId!)}";
        return (endpoint, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (header is null) request.Headers.Add("Metadata", "true");
            else request.Headers.Add("X-IDENTITY-HEADER", header);
            return request;
        });
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);

    /// <summary>Entra ID sends expires_in as a number; managed identity endpoints send strings, and App Service expires_on.</summary>
    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? ExpiresIn,
        [property: JsonPropertyName("expires_on"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? ExpiresOn)
    {
        public TimeSpan Lifetime(DateTimeOffset now) => ExpiresIn is { } seconds
            ? TimeSpan.FromSeconds(Math.Max(0, seconds))
            : ExpiresOn is { } at ? TimeSpan.FromSeconds(Math.Max(0, at - now.ToUnixTimeSeconds())) : TimeSpan.Zero;
    }
}
