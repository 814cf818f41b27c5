using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Authentication;

/// <summary>
/// Where replies may go. An activity names the service URL the bot answers to, with the bot's token; a forged
/// or unexpected one would send both elsewhere, so only the Bot Connector's and Teams' hosts are accepted
/// unless <see cref="BotFrameworkOptions.AllowedServiceUrls"/> says otherwise.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<BotFrameworkOptions> options)
{
    /// <summary>Teams (public, GCC, GCC High, DoD, China) and the Bot Connector's own channels (Web Chat, Direct Line).</summary>
    public static readonly string[] DefaultHosts =
    [
        "smba.trafficmanager.net",
        "smba.onyx.prod.teams.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
        "frontend.botapi.msg.infra.teams.microsoftonline.cn",
        "*.botframework.com",
        "*.botframework.azure.us",
    ];

    private readonly string[] _hosts = options.Value.AllowedServiceUrls is { Length: > 0 } configured
        ? configured.Select(Normalize).Where(h => h.Length > 0).ToArray()
        : DefaultHosts;

    /// <summary>Null when replies may be sent to <paramref name="serviceUrl"/>, else why not.</summary>
    public string? Check(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
            return "The activity has no absolute serviceUrl.";
        var host = uri.IdnHost.ToLowerInvariant();
        if (!_hosts.Any(pattern => Matches(pattern, host)))
            return $"The serviceUrl host '{host}' is not in BotFramework:AllowedServiceUrls.";
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            return $"The serviceUrl must be https (it is {uri.Scheme}).";
        return null;
    }

    private static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.Ordinal) && host.Length > pattern.Length - 1
            : host == pattern;

    /// <summary>An entry may be a host or a whole URL ("https://smba.trafficmanager.net/teams/"): only its host counts.</summary>
    private static string Normalize(string entry)
    {
        var trimmed = entry.Trim().ToLowerInvariant();
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && !trimmed.StartsWith("*.", StringComparison.Ordinal)
            ? uri.IdnHost
            : trimmed.TrimEnd('/');
    }
}
