namespace Bot.Core.Sources;

/// <summary>When a source is due: its interval after the last sync, give or take the jitter, so sources added together drift apart.</summary>
public static class SourceSchedule
{
    public static DateTimeOffset NextDue(DateTimeOffset finished, TimeSpan interval, double jitter, Random random) =>
        finished + interval * (1 + jitter * (2 * random.NextDouble() - 1));

    /// <summary>A source never synced is due at once; otherwise when its state says.</summary>
    public static DateTimeOffset DueAt(SourceState state) => state.NextDue ?? DateTimeOffset.MinValue;
}
