using System.Diagnostics;

namespace Bot.Core;

/// <summary>The activity source of the question path (ask → retrieve → answer); hosts export it with OpenTelemetry.</summary>
public static class BotTelemetry
{
    public const string SourceName = "NewsBot";

    public static readonly ActivitySource Source = new(SourceName);
}
