using System.CommandLine;
using Bot.Cli.Output;
using Bot.Core.Evaluation;
using Bot.Core.Ingestion;
using Bot.Core.Retrieval;
using Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli.Commands;

/// <summary>Measures retrieval on SQuAD in a fresh temporary archive, never touching the user's.</summary>
public static partial class EvalCommand
{
    public static Command Create(CliContext cli) => new("eval", "Measure retrieval and answer quality on SQuAD")
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
        command.SetAction((parse, ct) => WithSquadArchiveAsync(cli, parse, squad, settings, async (services, dataset, output) =>
        {
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

    internal static Option<FileInfo> SquadOption() => new("--squad")
    {
        Description = "SQuAD JSON file, e.g. ../shared/datasets/squad-v2-dev-half/dev-v2.0.cs224n-half.json",
        Required = true,
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

    /// <summary>Loads SQuAD, indexes its paragraphs into a temporary embedded archive, runs the action, deletes the archive.</summary>
    /// <param name="settings">Configuration the measurement needs on top of the user's.</param>
    internal static Task<int> WithSquadArchiveAsync(CliContext cli, ParseResult parse, Option<FileInfo> squad,
        IReadOnlyDictionary<string, string?> settings, Func<IServiceProvider, SquadDataset, TextWriter, Task<int>> action)
    {
        var folder = Directory.CreateTempSubdirectory("bot-eval-");
        return cli.RunAsync(parse, async (services, output) =>
        {
            try
            {
                var dataset = await SquadDataset.LoadAsync(parse.GetRequiredValue(squad).FullName);
                var indexer = services.GetRequiredService<ArticleIndexer>();
                var store = services.GetRequiredService<IArchiveStore>();
                await store.InitializeAsync(indexer.Space);
                var started = DateTime.UtcNow;
                foreach (var batch in SquadArchive.Articles(dataset).Chunk(64))
                    await store.SaveAsync(await indexer.IndexAsync(batch));
                await cli.Error.WriteLineAsync($"indexed {dataset.Paragraphs.Count} paragraphs in {Format.Duration(DateTime.UtcNow - started)}");
                return await action(services, dataset, output);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        }, new Dictionary<string, string?>(settings)
        {
            [BotConfiguration.StoreProviderKey] = "sqlite",
            [BotConfiguration.DataDirectoryKey] = folder.FullName,
        });
    }
}
