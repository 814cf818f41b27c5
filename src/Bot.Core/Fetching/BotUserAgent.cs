using System.Reflection;

namespace Bot.Core.Fetching;

/// <summary>How the bot names itself to web servers: "NewsArchiveBot/1.0.0", the product token robots.txt rules match.</summary>
public static class BotUserAgent
{
    public const string Product = "NewsArchiveBot";

    public static string Version { get; } =
        (typeof(BotUserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0")
        .Split('+')[0];

    public static string Value { get; } = $"{Product}/{Version} (news archive assistant; honours robots.txt)";
}
