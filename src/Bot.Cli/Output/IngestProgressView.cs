using Bot.Core.Ingestion;
using Spectre.Console;

namespace Bot.Cli.Output;

/// <summary>
/// Shows ingest progress: a live bar (articles, chunks, rate, ETA) on a terminal, plain lines every few
/// seconds when output is redirected, so logs and CI stay readable.
/// </summary>
public static class IngestProgressView
{
    public static async Task<IngestReport> RunAsync(Func<IProgress<IngestProgress>, Task<IngestReport>> ingest)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return await ingest(new PlainLines(Console.Error));

        IngestReport? report = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var reading = context.AddTask("Reading articles").IsIndeterminate();
                ProgressTask? indexing = null;
                report = await ingest(new Progress<IngestProgress>(p =>
                {
                    if (p.Stage == IngestStage.Reading)
                    {
                        reading.Description = $"Reading: {p.Done} articles, {p.Problems} problems";
                        return;
                    }
                    reading.IsIndeterminate(false).Value(100);
                    reading.StopTask();
                    indexing ??= context.AddTask("Indexing", maxValue: Math.Max(1, p.Total));
                    indexing.Value = p.Done;
                    indexing.Description = $"Indexing: {p.Done}/{p.Total} articles, {p.Chunks} chunks, {p.ArticlesPerSecond:F0}/s";
                    if (p.Stage == IngestStage.Done) { indexing.Value = indexing.MaxValue; indexing.StopTask(); }
                }));
            });
        return report!;
    }

    private sealed class PlainLines(TextWriter output) : IProgress<IngestProgress>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
        private DateTime lastLine = DateTime.MinValue;

        public void Report(IngestProgress value)
        {
            var now = DateTime.UtcNow;
            if (value.Stage != IngestStage.Done && now - lastLine < Interval) return;
            lastLine = now;
            var line = value.Stage switch
            {
                IngestStage.Reading => $"reading: {value.Done} articles, {value.Problems} problems",
                IngestStage.Indexing => $"indexing: {value.Done}/{value.Total} articles, {value.Chunks} chunks, " +
                    $"{value.ArticlesPerSecond:F0} articles/s" + (value.Eta is { } eta ? $", ETA {Format.Duration(eta)}" : ""),
                _ => $"indexed: {value.Done} articles, {value.Chunks} chunks in {Format.Duration(value.Elapsed)}",
            };
            output.WriteLine(line);
        }
    }
}
