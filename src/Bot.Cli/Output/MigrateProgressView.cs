using Bot.Cli.Migration;
using Spectre.Console;

namespace Bot.Cli.Output;

/// <summary>Migration progress in the CLI's <see cref="ProgressDisplay"/> style: articles done of the total, copied or already there, rate, ETA.</summary>
public static class MigrateProgressView
{
    public static async Task<MigrationReport> RunAsync(Func<IProgress<MigrationProgress>, Task<MigrationReport>> migrate)
    {
        if (!ProgressDisplay.IsInteractive)
            return await migrate(new PlainLines(new ThrottledLines(Console.Error)));

        MigrationReport? report = null;
        await ProgressDisplay.Bar()
            .StartAsync(async context =>
            {
                var copying = context.AddTask("Copying articles");
                report = await migrate(new Progress<MigrationProgress>(p =>
                {
                    copying.MaxValue = Math.Max(1, p.Total);
                    copying.Value = p.Done;
                    copying.Description = $"Copying: {p.Done}/{p.Total} articles ({p.Skipped} already there), {p.Chunks} chunks, {p.ArticlesPerSecond:F0}/s";
                }));
                copying.Value = copying.MaxValue;
                copying.StopTask();
            });
        return report!;
    }

    private sealed class PlainLines(ThrottledLines lines) : IProgress<MigrationProgress>
    {
        public void Report(MigrationProgress value) => lines.Write(() =>
            $"migrating: {value.Done}/{value.Total} articles ({value.Copied} copied, {value.Skipped} already there), {value.Chunks} chunks, " +
            $"{value.ArticlesPerSecond:F0} articles/s" + (value.Eta is { } eta && value.Done < value.Total ? $", ETA {Format.Duration(eta)}" : ""),
            last: value.Done >= value.Total);
    }
}
