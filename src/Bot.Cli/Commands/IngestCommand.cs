using System.CommandLine;
using Bot.Cli.Output;
using Bot.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli.Commands;

public static class IngestCommand
{
    private const int ProblemsShown = 20;

    public static Command Create(CliContext cli)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, folders (recursive) or http(s) URLs: .txt .md .html .json .jsonl .csv",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = CliContext.JsonOption("Print the ingest report as JSON");
        var command = new Command("ingest", "Read articles into the archive; unchanged articles are skipped") { inputs, json };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var pipeline = services.GetRequiredService<IngestPipeline>();
            var paths = parse.GetRequiredValue(inputs);
            var report = await IngestProgressView.RunAsync(progress => pipeline.RunAsync(paths, progress, ct));
            if (parse.GetValue(json)) CliJson.Write(report, output);
            else Print(report, output);
            return report.Stored + report.Unchanged == 0 && report.Failed > 0 ? 1 : 0;
        }));
        return command;
    }

    private static void Print(IngestReport report, TextWriter output)
    {
        output.WriteLine($"Ingested in {Format.Duration(report.Elapsed)}: {report.Added} added, {report.Updated} updated, " +
            $"{report.Unchanged} unchanged, {report.Failed} failed, {report.Duplicates.Count} duplicates; {report.Chunks} chunks.");
        foreach (var problem in report.Problems.Take(ProblemsShown))
            output.WriteLine($"  failed: {problem.Location}: {problem.Reason}");
        foreach (var duplicate in report.Duplicates.Take(ProblemsShown))
            output.WriteLine($"  duplicate: {duplicate.Location} repeats {duplicate.FirstSeenAt} (article {duplicate.ArticleId})");
        var hidden = Math.Max(0, report.Problems.Count - ProblemsShown) + Math.Max(0, report.Duplicates.Count - ProblemsShown);
        if (hidden > 0) output.WriteLine($"  ... and {hidden} more (use --json for all)");
    }
}
