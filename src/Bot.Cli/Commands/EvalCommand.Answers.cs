using System.CommandLine;
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
        var squad = SquadOption();
        var json = CliContext.JsonOption("Print one JSON object with the metrics");
        var curve = new Option<bool>("--curve") { Description = "Include the whole trade-off curve in the JSON output" };
        var fit = new Option<bool>("--fit") { Description = "Refit the extractive confidence model; print its weights, in-sample and article-split cross-validated metrics" };
        var threshold = new Option<double?>("--threshold") { Description = $"Confidence below which to abstain (default {ConfidenceModel.DefaultThreshold})" };
        var command = new Command("answers", "Containment of gold answers, abstention on unanswerable questions, citation failures") { squad, json, curve, fit, threshold };
        // Abstention off: every question's confidence and answer are recorded once; each threshold is then worked out from them.
        var settings = new Dictionary<string, string?> { [$"{ExtractiveOptions.SectionName}:{nameof(ExtractiveOptions.MinConfidence)}"] = "0" };
        command.SetAction((parse, ct) => WithSquadArchiveAsync(cli, parse, squad, settings, async (services, dataset, output) =>
        {
            var at = parse.GetValue(threshold) ?? ConfidenceModel.DefaultThreshold;
            if (at is < 0 or > 1.01) throw new ArgumentException("--threshold must be between 0 and 1.");
            var answerer = services.GetRequiredService<IAnswerer>();
            var fitting = parse.GetValue(fit);
            if (fitting && answerer is not ExtractiveAnswerer)
                throw new ArgumentException($"--fit calibrates the extractive answerer; the configured one is {answerer.Name}.");

            var started = DateTime.UtcNow;
            var outcomes = await AnswerEvaluation.AskAllAsync(services.GetRequiredService<Retriever>(), answerer,
                services.GetRequiredService<ConversationMemory>(), dataset, fitting, cancellationToken: ct);
            await cli.Error.WriteLineAsync($"asked {outcomes.Count} questions with {answerer.Name} in {Format.Duration(DateTime.UtcNow - started)}");

            var metrics = AnswerEvaluation.At(outcomes, at);
            var points = AnswerEvaluation.Curve(outcomes);
            var calibration = fitting ? ConfidenceCalibration.InSample(outcomes) : null;
            var crossValidated = fitting ? ConfidenceCalibration.CrossValidate(outcomes) : default;
            if (parse.GetValue(json))
            {
                var result = MetricsJson(metrics);
                result["threshold"] = at;
                result["answerer"] = answerer.Name;
                if (parse.GetValue(curve)) result["curve"] = points.Select(p => CurveJson(p)).ToList();
                if (calibration is not null)
                    result["fit"] = new Dictionary<string, object?>
                    {
                        ["weights"] = ConfidenceFeatures.Names.Zip(calibration.Weights).ToDictionary(x => x.First, x => Math.Round(x.Second, 4)),
                        ["inSample"] = CurveJson(new CurvePoint(calibration.Threshold, calibration.Metrics)),
                        ["crossValidated"] = MetricsJson(crossValidated.Metrics),
                        ["folds"] = crossValidated.Folds.Select(f => CurveJson(new CurvePoint(f.Threshold, f.Metrics))).ToList(),
                    };
                CliJson.Write(result, output);
                return 0;
            }

            output.WriteLine($"{metrics.Questions} questions ({metrics.Answerable} answerable, {metrics.Unanswerable} unanswerable), " +
                $"{dataset.Paragraphs.Count} paragraphs; answerer {answerer.Name}, abstaining below confidence {at:F2}");
            output.WriteLine("| answerable | containment | unanswerable | abstention | falseAbstention | overall | citationFailures |");
            output.WriteLine("|---|---|---|---|---|---|---|");
            output.WriteLine($"| {metrics.Answerable} | {metrics.Containment:F3} | {metrics.Unanswerable} | {metrics.Abstention:F3} | " +
                $"{metrics.FalseAbstention:F3} | {metrics.Overall:F3} | {metrics.CitationFailures} |");
            output.WriteLine();
            output.WriteLine("Trade-off curve (abstain below the threshold; 0 never abstains, above 1 always does):");
            WriteCurve(points, output);
            if (calibration is not null)
            {
                output.WriteLine();
                output.WriteLine("Fitted confidence weights (ConfidenceModel.Default order):");
                output.WriteLine("[" + string.Join(", ", calibration.Weights.Select(w => w.ToString("F3", System.Globalization.CultureInfo.InvariantCulture))) + "]");
                foreach (var (name, weight) in ConfidenceFeatures.Names.Zip(calibration.Weights))
                    output.WriteLine($"  {name,-18} {weight,8:F3}");
                output.WriteLine("In sample (fit and threshold on all questions):");
                WriteCurve([new CurvePoint(calibration.Threshold, calibration.Metrics)], output);
                output.WriteLine("Cross-validated by Wikipedia article (fit and threshold on half the articles, measured on the other half; both folds):");
                WriteCurve(crossValidated.Folds.Select(f => new CurvePoint(f.Threshold, f.Metrics)).ToList(), output);
                output.WriteLine($"Out-of-fold over all questions: containment {crossValidated.Metrics.Containment:F3}, abstention " +
                    $"{crossValidated.Metrics.Abstention:F3}, falseAbstention {crossValidated.Metrics.FalseAbstention:F3}, overall {crossValidated.Metrics.Overall:F3}");
            }
            return 0;
        }));
        return command;
    }

    private static Dictionary<string, object?> MetricsJson(AnswerMetrics m) => new()
    {
        ["questions"] = m.Questions,
        ["answerable"] = m.Answerable,
        ["containment"] = Math.Round(m.Containment, 4),
        ["unanswerable"] = m.Unanswerable,
        ["abstention"] = Math.Round(m.Abstention, 4),
        ["falseAbstention"] = Math.Round(m.FalseAbstention, 4),
        ["overall"] = Math.Round(m.Overall, 4),
        ["citationFailures"] = m.CitationFailures,
    };

    private static Dictionary<string, object?> CurveJson(CurvePoint p) => new()
    {
        ["threshold"] = Math.Round(p.Threshold, 2),
        ["containment"] = Math.Round(p.Metrics.Containment, 4),
        ["abstention"] = Math.Round(p.Metrics.Abstention, 4),
        ["falseAbstention"] = Math.Round(p.Metrics.FalseAbstention, 4),
        ["overall"] = Math.Round(p.Metrics.Overall, 4),
    };

    private static void WriteCurve(IReadOnlyList<CurvePoint> points, TextWriter output)
    {
        output.WriteLine("| threshold | containment | abstention | falseAbstention | overall |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var p in points)
            output.WriteLine($"| {p.Threshold:F2} | {p.Metrics.Containment:F3} | {p.Metrics.Abstention:F3} | {p.Metrics.FalseAbstention:F3} | {p.Metrics.Overall:F3} |");
    }
}
