using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Channels.BotFramework.Authentication;

/// <summary>
/// Checks the <c>Authorization: Bearer</c> JWT on incoming activities as the Bot Connector authentication
/// protocol prescribes: signed by a key from the issuer's OpenID metadata, issued by the Bot Connector
/// (or Entra ID for the bot's tenant / the Emulator), addressed to the bot's app id, and within its lifetime.
/// </summary>
public sealed class ActivityAuthenticator(
    IOptions<BotCredentials> credentials,
    IOptions<BotFrameworkOptions> options,
    IHttpClientFactory httpClients,
    ILogger<ActivityAuthenticator> logger)
{
    public const string BotConnectorIssuer = "https://api.botframework.com";
    public const string ServiceUrlClaim = "serviceurl";

    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _metadata = new();
    private readonly JsonWebTokenHandler _handler = new();
    private int _warnedUnauthenticated;

    public async Task<AuthenticationResult> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var bot = credentials.Value;
        if (!bot.HasAppId)
        {
            if (!options.Value.AllowUnauthenticated)
                return AuthenticationResult.Fail("No MicrosoftAppId is configured and BotFramework:AllowUnauthenticated is off, so no activity is accepted.");
            if (!LoopbackPolicy.Allows(context))
                return AuthenticationResult.Fail(
                    $"Unauthenticated mode serves only this machine, not through a proxy (caller: {context.Connection.RemoteIpAddress}, forwarded: {LoopbackPolicy.IsForwarded(context.Request.Headers)}).");
            if (Interlocked.Exchange(ref _warnedUnauthenticated, 1) == 0)
                logger.LogWarning("No MicrosoftAppId is configured: accepting unauthenticated activities from this machine only (BotFramework:AllowUnauthenticated, local test tools).");
            return AuthenticationResult.Anonymous;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticationResult.Fail("Missing bearer token.");
        var token = authorization["Bearer ".Length..].Trim();

        string issuer;
        try
        {
            issuer = new JsonWebToken(token).Issuer;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthenticationResult.Fail("The bearer token is not a well-formed JWT.");
        }

        var source = TrustedSource(issuer, bot);
        if (source is null)
            return AuthenticationResult.Fail($"Tokens from issuer '{issuer}' are not accepted.");

        try
        {
            return await ValidateAsync(token, source, bot, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidOperationException)
        {
            // Unreachable metadata must not let a call through; the channel retries later.
            logger.LogError(ex, "Could not load OpenID metadata from {Url}", source.MetadataUrl);
            return AuthenticationResult.KeysUnavailable("Signing keys are unavailable.");
        }
    }

    private async Task<AuthenticationResult> ValidateAsync(string token, TokenSource source, BotCredentials bot, CancellationToken cancellationToken)
    {
        var metadata = _metadata.GetOrAdd(source.MetadataUrl, CreateMetadataManager);
        var result = await ValidateWithKeysAsync(token, source, bot, metadata, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The issuer may have rolled its keys since the metadata was cached.
            metadata.RequestRefresh();
            result = await ValidateWithKeysAsync(token, source, bot, metadata, cancellationToken);
        }
        if (!result.IsValid)
        {
            logger.LogWarning("Rejected a bearer token: {Reason}", result.Exception?.Message);
            return AuthenticationResult.Fail("The bearer token is invalid: " + result.Exception?.GetType().Name);
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!source.IsBotConnector && AuthorizedParty(jwt) != bot.MicrosoftAppId)
        {
            // Entra tokens carry no service URL, so only the bot's own credentials (the Emulator uses them) may mint
            // them: otherwise another app in the tenant could steer the bot's replies, and its token, elsewhere.
            logger.LogWarning("Rejected an Entra ID token issued to {Party}, not to the bot", AuthorizedParty(jwt));
            return AuthenticationResult.Fail("The token was not issued to the bot itself.");
        }
        var serviceUrl = jwt.TryGetPayloadValue<string>(ServiceUrlClaim, out var url) ? url : null;
        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        return AuthenticationResult.Authenticated(serviceUrl, source.IsBotConnector, Endorsements(configuration, jwt.Kid));
    }

    private async Task<TokenValidationResult> ValidateWithKeysAsync(
        string token, TokenSource source, BotCredentials bot, ConfigurationManager<OpenIdConnectConfiguration> metadata, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        return await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = source.Issuers,
            ValidAudience = bot.MicrosoftAppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = options.Value.ClockSkew,
        });
    }

    /// <summary>The app the token was issued to: <c>azp</c> in v2 tokens, <c>appid</c> in v1 tokens.</summary>
    private static string? AuthorizedParty(JsonWebToken jwt) =>
        jwt.TryGetPayloadValue<string>("azp", out var azp) ? azp
        : jwt.TryGetPayloadValue<string>("appid", out var appId) ? appId
        : null;

    private TokenSource? TrustedSource(string issuer, BotCredentials bot)
    {
        var settings = options.Value;
        if (issuer == BotConnectorIssuer)
            return new TokenSource(settings.BotConnectorOpenIdMetadataUrl, [BotConnectorIssuer], IsBotConnector: true);
        foreach (var tenant in bot.TrustedTenants)
        {
            string[] issuers = [$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"];
            if (issuers.Contains(issuer))
                return new TokenSource(settings.EntraOpenIdMetadataUrl.Replace("{tenant}", Uri.EscapeDataString(tenant)), issuers, IsBotConnector: false);
        }
        return null;
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateMetadataManager(string url) =>
        new(url, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClients.CreateClient(BotFrameworkServiceCollectionExtensions.HttpClientName))
            {
                // Production metadata is https; plain http is only reachable when configured (local test servers).
                RequireHttps = url.StartsWith("https:", StringComparison.OrdinalIgnoreCase),
            });

    /// <summary>The channels the Bot Connector endorsed the signing key for ("endorsements" in its JWKS entry).</summary>
    private static IReadOnlyCollection<string>? Endorsements(OpenIdConnectConfiguration configuration, string? kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value)) return null;
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            IEnumerable<object> items => items.Select(i => i.ToString() ?? "").ToList(),
            _ => null,
        };
    }

    private sealed record TokenSource(string MetadataUrl, string[] Issuers, bool IsBotConnector);
}
