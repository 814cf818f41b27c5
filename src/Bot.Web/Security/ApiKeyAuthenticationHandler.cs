using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Bot.Channels.BotFramework.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Bot.Web.Security;

/// <summary>
/// Authenticates REST callers by the X-Api-Key header. With no keys configured, loopback callers (not via a proxy) are
/// admins and everyone else is refused, so an unconfigured server is never open to the network.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    IOptionsMonitor<ApiOptions> api,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var keys = api.CurrentValue.Keys;
        var presented = Request.Headers[HeaderName].ToString();
        if (keys.Count == 0)
        {
            return Task.FromResult(LoopbackPolicy.Allows(Context)
                ? Success("local", ApiRoles.Admin)
                : AuthenticateResult.Fail("No API keys are configured (Api:Keys), so only local callers are allowed."));
        }
        if (presented.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        // Every key is compared, whichever matches: the time taken says nothing about which key was close.
        ApiKey? match = null;
        foreach (var key in keys)
            if (key.Key.Length > 0 && FixedTimeEquals(key.Key, presented)) match ??= key;
        return Task.FromResult(match is null
            ? AuthenticateResult.Fail("Unknown API key.")
            : Success(match.Name.Length > 0 ? match.Name : "api-key", match.Role));
    }

    private AuthenticateResult Success(string name, string role)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
