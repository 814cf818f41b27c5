using System.Net;

namespace Bot.Channels.BotFramework.Authentication;

/// <summary>Without an app id the bot cannot check tokens, so it only listens to callers on this machine.</summary>
public static class LoopbackPolicy
{
    public static bool Allows(IPAddress? remote)
    {
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return IPAddress.IsLoopback(remote);
    }
}
