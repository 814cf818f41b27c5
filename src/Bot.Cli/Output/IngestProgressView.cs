using Bot.Core.Ingestion;
using Spectre.Console;

namespace Bot.Cli.Output;

/// <summary>Ingest progress in the CLI's <see cref="ProgressDisplay"/> style: articles, chunks, rate, ETA.</summary>
public static class IngestProgressView
{
    public static async Task<IngestReport> RunAsync(Func<IProgress<IngestProgress>, Task<IngestReport>> ingest)
    {
        if (!ProgressDisplay.IsInteractive)
            return await ingest(new PlainLines(new ThrottledLines(Console.Error)));

        IngestReport? report = null;
        await ProgressDisplay.Bar()
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

    private sealed class PlainLines(ThrottledLines lines) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => lines.Write(() => value.Stage switch
        {
            IngestStage.Reading => $"reading: {value.Done} articles, {value.Problems} problems",
            IngestStage.Indexing => $"indexing: {value.Done}/{value.Total} articles, {value.Chunks} chunks, " +
                $"{value.ArticlesPerSecond:F0} articles/s" + (value.Eta is { } eta ? $", ETA {Format.Duration(eta)}" : ""),
            _ => $"indexed: {value.Done} articles, {value.Chunks} chunks in {Format.Duration(value.Elapsed)}",
        }, last: value.Stage == IngestStage.Done);
    }
}
