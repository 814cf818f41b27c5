using System.Net;
using Microsoft.AspNetCore.Http;

namespace Bot.Channels.BotFramework.Authentication;

/// <summary>
/// Whether a caller is on this machine. A loopback socket alone does not say so behind a reverse proxy or a dev
/// tunnel, which connect from loopback on behalf of anyone: a request carrying a forwarded-for header is remote.
/// </summary>
public static class LoopbackPolicy
{
    /// <summary>The headers proxies and tunnels add to say whom they forward.</summary>
    public static readonly string[] ForwardedHeaders = ["X-Forwarded-For", "Forwarded", "X-Forwarded-Host", "X-Real-IP", "X-Original-For"];

    public static bool Allows(HttpContext context) =>
        Allows(context.Connection.RemoteIpAddress) && !IsForwarded(context.Request.Headers);

    public static bool IsForwarded(IHeaderDictionary headers) => ForwardedHeaders.Any(headers.ContainsKey);

    public static bool Allows(IPAddress? remote)
    {
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return IPAddress.IsLoopback(remote);
    }
}
