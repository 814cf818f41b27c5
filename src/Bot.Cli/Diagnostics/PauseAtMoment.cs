using System.Globalization;
using Bot.Core.Ingestion;

namespace Bot.Cli.Diagnostics;

/// <summary>
/// The crash tests' hook: <c>BOT_TEST_PAUSE_AT=Committing:3</c> holds the process still the third time a batch is
/// about to commit, after writing "paused at Committing 3" to stderr, until the test kills it (SIGKILL). A
/// pause rather than a self-inflicted exit, so the kill comes from outside as in a real crash, at a moment
/// the test names rather than one a timer happens to hit. Nothing else sets the variable.
/// </summary>
public sealed class PauseAtMoment(IngestMoment moment, int occurrence, TextWriter error) : IIngestMoments
{
    public const string Variable = "BOT_TEST_PAUSE_AT";

    private int seen;

    public void Reached(IngestMoment reached)
    {
        if (reached != moment || Interlocked.Increment(ref seen) != occurrence) return;
        error.WriteLine($"paused at {moment} {occurrence}");
        error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }

    /// <summary>The pause the environment asks for, or null when <see cref="Variable"/> is unset.</summary>
    public static PauseAtMoment? FromEnvironment(TextWriter error)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } value) return null;
        var parts = value.Split(':');
        if (parts.Length != 2 || !Enum.TryParse<IngestMoment>(parts[0], ignoreCase: true, out var moment)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var occurrence) || occurrence < 1)
            throw new ArgumentException($"{Variable} must be MOMENT:N with MOMENT one of {string.Join(", ", Enum.GetNames<IngestMoment>())} and N from 1, not '{value}'.");
        return new PauseAtMoment(moment, occurrence, error);
    }
}
