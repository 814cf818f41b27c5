using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Channels.BotFramework.Tests.Fakes;

/// <summary>RSA keys the fake login services publish, and JWTs signed with them.</summary>
public static class TestKeys
{
    public const string AppId = "bot-app-id";
    public const string Tenant = "test-tenant";

    /// <summary>The Bot Connector's key, endorsed for the channels the tests use.</summary>
    public static readonly RsaSecurityKey Connector = NewKey("connector-key");
    /// <summary>A Bot Connector key endorsed only for Web Chat.</summary>
    public static readonly RsaSecurityKey WebChatOnly = NewKey("webchat-only-key");
    /// <summary>The Entra ID key for the bot's tenant.</summary>
    public static readonly RsaSecurityKey Entra = NewKey("entra-key");
    /// <summary>An attacker's key that claims the Connector's key id.</summary>
    public static readonly RsaSecurityKey Forger = NewKey("connector-key");

    public static string CreateToken(
        SecurityKey key,
        string? serviceUrl,
        string issuer = "https://api.botframework.com",
        string audience = AppId,
        DateTime? expires = null,
        IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (serviceUrl is not null) claims["serviceurl"] = serviceUrl;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-1),
            NotBefore = expiry.AddHours(-1),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An Entra ID token as the Emulator gets it with the bot's own credentials (v2 "azp" or v1 "appid").</summary>
    public static string CreateEntraToken(string issuer, string party = AppId, string claim = "azp", SecurityKey? key = null) =>
        CreateToken(key ?? Entra, null, issuer, extraClaims: new Dictionary<string, object> { [claim] = party });

    /// <summary>The token with one payload claim changed and the original signature kept.</summary>
    public static string Tamper(string token, string claim, JsonNode value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload[claim] = value;
        parts[1] = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return string.Join('.', parts);
    }

    /// <summary>The public half of a key as a JWKS entry, with optional Bot Connector endorsements.</summary>
    public static JsonObject Jwk(RsaSecurityKey key, params string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements.Length > 0) jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
        return jwk;
    }

    private static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };
}
