using System.CommandLine;
using Bot.Cli.Evaluation;
using Bot.Cli.Output;
using Bot.Core.Evaluation;
using Bot.Core.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli.Commands;

/// <summary>Measures retrieval on SQuAD in a fresh temporary archive, never touching the user's.</summary>
public static partial class EvalCommand
{
    public static Command Create(CliContext cli) => new("eval", "Measure retrieval and answer quality (SQuAD, or your own question file)")
    {
        Retrieval(cli),
        Answers(cli),
    };

    private static Command Retrieval(CliContext cli)
    {
        var squad = SquadOption();
        var json = CliContext.JsonOption("Print one JSON object with the metrics");
        var only = new Option<SearchMode?>("--mode") { Description = "Measure only this mode (default: every mode the configuration allows)" };
        var command = new Command("retrieval", "Recall@1/5/20 and MRR@10 of the gold paragraph, per retrieval mode") { squad, json, only };
        // One passage per article, so ranks count articles.
        var settings = new Dictionary<string, string?> { ["Retrieval:MaxPerArticle"] = "1" };
        command.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            var dataset = await SquadDataset.LoadAsync(parse.GetRequiredValue(squad).FullName, ct);
            using var archive = await EvalArchive.SquadAsync(cli, parse, dataset, settings, ct);
            var services = archive.Services;
            var output = cli.Output;
            var retriever = services.GetRequiredService<Retriever>();
            var mode = parse.GetValue(only);
            if (mode is SearchMode.Dense or SearchMode.Hybrid && !retriever.HasEmbedder)
                throw new ArgumentException($"--mode {mode} needs an embedding model. {Core.Retrieval.Retriever.LexicalOnlyNotice}");
            bool Wanted(SearchMode m) => (mode is null || mode == m) && (m == SearchMode.Lexical || retriever.HasEmbedder);
            var lexical = Wanted(SearchMode.Lexical) ? await MeasureAsync(retriever, dataset, SearchMode.Lexical, cli.Error, ct) : null;
            var dense = Wanted(SearchMode.Dense) ? await MeasureAsync(retriever, dataset, SearchMode.Dense, cli.Error, ct) : null;
            var hybrid = Wanted(SearchMode.Hybrid) ? await MeasureAsync(retriever, dataset, SearchMode.Hybrid, cli.Error, ct) : null;
            var questions = (lexical ?? dense ?? hybrid)!.Questions;
            if (parse.GetValue(json))
            {
                CliJson.Write(new Dictionary<string, object?>
                {
                    ["questions"] = questions,
                    ["lexical"] = lexical is null ? null : Metrics(lexical),
                    ["dense"] = dense is null ? null : Metrics(dense),
                    ["hybrid"] = hybrid is null ? null : Metrics(hybrid),
                }, output);
                return 0;
            }
            output.WriteLine($"{questions} answerable questions, {dataset.Paragraphs.Count} paragraphs");
            output.WriteLine("| mode | recall@1 | recall@5 | recall@20 | mrr@10 |");
            output.WriteLine("|---|---|---|---|---|");
            foreach (var (name, m) in new[] { ("lexical", lexical), ("dense", dense), ("hybrid", hybrid) })
                output.WriteLine(m is null
                    ? $"| {name} | - | - | - | - |"
                    : $"| {name} | {m.RecallAt1:F3} | {m.RecallAt5:F3} | {m.RecallAt20:F3} | {m.MrrAt10:F3} |");
            if (!retriever.HasEmbedder) output.WriteLine(Core.Retrieval.Retriever.LexicalOnlyNotice);
            return 0;
        }));
        return command;
    }

    internal static Option<FileInfo> SquadOption(bool required = true) => new("--squad")
    {
        Description = "SQuAD JSON file, e.g. ../shared/datasets/squad-v2-dev-half/dev-v2.0.cs224n-half.json",
        Required = required,
    };

    private static Dictionary<string, double> Metrics(RetrievalMetrics m) => new()
    {
        ["recall@1"] = Math.Round(m.RecallAt1, 4),
        ["recall@5"] = Math.Round(m.RecallAt5, 4),
        ["recall@20"] = Math.Round(m.RecallAt20, 4),
        ["mrr@10"] = Math.Round(m.MrrAt10, 4),
    };

    private static async Task<RetrievalMetrics> MeasureAsync(Retriever retriever, SquadDataset dataset, SearchMode mode, TextWriter log, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        var metrics = await RetrievalEvaluation.MeasureAsync(retriever, dataset, mode, cancellationToken: ct);
        await log.WriteLineAsync($"{mode}: {metrics.Questions} questions in {Format.Duration(DateTime.UtcNow - started)}");
        return metrics;
    }
}
