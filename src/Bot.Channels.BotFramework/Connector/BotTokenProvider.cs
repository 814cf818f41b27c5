using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Bot.Channels.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Connector;

/// <summary>
/// The bearer token the bot presents to the Bot Connector: OAuth 2.0 client credentials for its app id,
/// scope https://api.botframework.com/.default, cached until shortly before it expires.
/// </summary>
public sealed class BotTokenProvider(
    IHttpClientFactory httpClients,
    RetryingSender sender,
    IOptions<BotCredentials> credentials,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<BotTokenProvider> logger)
{
    public const string Scope = "https://api.botframework.com/.default";

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
        var endpoint = $"{options.Value.TokenEndpointBaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(bot.TokenTenant)}/oauth2/v2.0/token";
        using var response = await sender.SendAsync(httpClients.CreateClient(BotFrameworkServiceCollectionExtensions.HttpClientName), () =>
            new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = bot.MicrosoftAppId!,
                    ["client_secret"] = bot.MicrosoftAppPassword ?? "",
                    ["scope"] = Scope,
                }),
            }, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await ConnectorException.FromResponseAsync("Bot token request", response, cancellationToken);

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(BotFrameworkJson.Options, cancellationToken);
        if (string.IsNullOrEmpty(token?.AccessToken))
            throw new ConnectorException("Bot token response carried no access_token.");

        var lifetime = TimeSpan.FromSeconds(Math.Max(0, token.ExpiresIn));
        // Refresh a little early so a token never expires on its way to the Connector.
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, lifetime.Ticks / 2));
        logger.LogInformation("Obtained a Bot Connector token from {Endpoint}, valid for {Lifetime}", endpoint, lifetime);
        return new CachedToken(token.AccessToken, time.GetUtcNow() + lifetime - margin);
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}
