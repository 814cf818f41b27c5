using Spectre.Console;

namespace Bot.Cli.Output;

/// <summary>
/// The CLI's progress style, shared by long commands: a live Spectre bar (description, bar, percentage,
/// remaining time, spinner) on an interactive terminal, plain lines on stderr every few seconds when
/// output is redirected, so logs and CI stay readable.
/// </summary>
public static class ProgressDisplay
{
    public static bool IsInteractive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static Progress Bar() => AnsiConsole.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn());
}

/// <summary>Plain progress lines: at most one every two seconds, but always the last one.</summary>
public sealed class ThrottledLines(TextWriter output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private DateTime lastLine = DateTime.MinValue;

    public void Write(Func<string> line, bool last)
    {
        var now = DateTime.UtcNow;
        if (!last && now - lastLine < Interval) return;
        lastLine = now;
        output.WriteLine(line());
    }
}
