using System.CommandLine;
using Bot.Cli.Evaluation;
using Bot.Cli.Output;
using Bot.Core.Answering;
using Bot.Core.Answering.Extractive;
using Bot.Core.Conversations;
using Bot.Core.Evaluation;
using Bot.Core.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli.Commands;

public static partial class EvalCommand
{
    private static Command Answers(CliContext cli)
    {
        var squad = SquadOption(required: false);
        var questions = new Option<FileInfo?>("--questions") { Description = "News question file (JSON Lines, see docs/evaluation.md)" };
        var archiveFolder = new Option<string?>("--archive") { Description = "Answer --questions from this archive folder (default: the configured archive)" };
        var csv = new Option<string[]>("--csv") { Description = "Answer --questions from a temporary archive of these files (CSV or any format ingest reads)", AllowMultipleArgumentsPerToken = true };
        var json = CliContext.JsonOption("Print one JSON object with the metrics");
        var curve = new Option<bool>("--curve") { Description = "Include the whole trade-off curve in the JSON output" };
        var fit = new Option<bool>("--fit") { Description = "Refit the extractive confidence model on every set given; print its weights, in-sample and cross-validated (by story) metrics" };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds for --fit (stories are never split)", DefaultValueFactory = _ => 2 };
        var threshold = new Option<double?>("--threshold") { Description = $"Confidence below which to abstain (default {ConfidenceModel.DefaultThreshold})" };
        var details = new Option<FileInfo?>("--details") { Description = "Write every question's answer and verdicts to this JSON Lines file" };
        var command = new Command("answers",
            "Answered, containment, right article, quoted support, short answers, abstention, follow-ups, latency, citation failures")
            { squad, questions, archiveFolder, csv, json, curve, fit, folds, threshold, details };
        // Abstention off: every question's confidence and answer are recorded once; each threshold is then worked out from them.
        var settings = new Dictionary<string, string?> { [$"{ExtractiveOptions.SectionName}:{nameof(ExtractiveOptions.MinConfidence)}"] = "0" };
        command.SetAction((parse, ct) => cli.GuardAsync(async () =>
        {
            var squadFile = parse.GetValue(squad);
            var questionFile = parse.GetValue(questions);
            var csvFiles = parse.GetValue(csv) ?? [];
            if (squadFile is null && questionFile is null) throw new ArgumentException("Give --squad FILE, --questions FILE, or both.");
            if (questionFile is null && (csvFiles.Length > 0 || parse.GetValue(archiveFolder) is not null))
                throw new ArgumentException("--archive and --csv say where --questions are answered from; give --questions FILE.");
            if (csvFiles.Length > 0 && parse.GetValue(archiveFolder) is not null)
                throw new ArgumentException("Give either --archive DIR or --csv FILES, not both.");
            var at = parse.GetValue(threshold) ?? ConfidenceModel.DefaultThreshold;
            if (at is < 0 or > 1.01) throw new ArgumentException("--threshold must be between 0 and 1.");
            var foldCount = parse.GetValue(folds);
            if (foldCount is < 2 or > 20) throw new ArgumentException("--folds must be between 2 and 20.");
            var fitting = parse.GetValue(fit);

            var sets = new List<EvalSet>();
            if (squadFile is not null)
            {
                var dataset = await SquadDataset.LoadAsync(squadFile.FullName, ct);
                using var archive = await EvalArchive.SquadAsync(cli, parse, dataset, settings, ct);
                sets.Add(await AskAsync(cli, "squad", $"{dataset.Paragraphs.Count} paragraphs", archive, dataset.EvalQuestions(), fitting, ct));
            }
            if (questionFile is not null)
            {
                var file = await NewsQuestionFile.LoadAsync(questionFile.FullName, ct);
                using var archive = csvFiles.Length > 0
                    ? await EvalArchive.IngestedAsync(cli, parse, csvFiles, settings, ct)
                    : EvalArchive.Existing(cli, parse, parse.GetValue(archiveFolder), settings);
                sets.Add(await AskAsync(cli, "news", questionFile.Name, archive, file, fitting, ct));
            }

            var report = new EvalReport(sets, at, fitting ? EvalFit.Run(sets, foldCount) : null);
            if (parse.GetValue(details) is { } detailsFile) await EvalDetails.WriteAsync(detailsFile.FullName, sets, at, ct);
            if (parse.GetValue(json)) CliJson.Write(report.Json(parse.GetValue(curve)), cli.Output);
            else report.Print(cli.Output);
            return 0;
        }));
        return command;
    }

    private static async Task<EvalSet> AskAsync(CliContext cli, string name, string about, EvalArchive archive,
        IReadOnlyList<EvalQuestion> questions, bool fitting, CancellationToken ct)
    {
        var services = archive.Services;
        var answerer = services.GetRequiredService<IAnswerer>();
        if (fitting && answerer is not ExtractiveAnswerer)
            throw new ArgumentException($"--fit calibrates the extractive answerer; the configured one is {answerer.Name}.");
        var started = DateTime.UtcNow;
        var outcomes = await AnswerEvaluation.AskAllAsync(services.GetRequiredService<Retriever>(), answerer,
            services.GetRequiredService<ConversationMemory>(), questions, fitting, cancellationToken: ct);
        await cli.Error.WriteLineAsync($"{name}: asked {outcomes.Count} questions with {answerer.Name} in {Format.Duration(DateTime.UtcNow - started)}");
        return new EvalSet(name, about, answerer.Name, outcomes);
    }

    
}
