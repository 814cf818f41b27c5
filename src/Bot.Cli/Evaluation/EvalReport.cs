using System.Globalization;
using Bot.Core.Answering.Extractive;
using Bot.Core.Evaluation;

namespace Bot.Cli.Evaluation;

/// <summary>What `bot eval answers` prints: per question set the metrics at the threshold, the trade-off curve, latency and, after --fit, the refitted model.</summary>
public sealed record EvalReport(IReadOnlyList<EvalSet> Sets, double Threshold, EvalFit? Fit)
{
    public void Print(TextWriter output)
    {
        foreach (var set in Sets)
        {
            var m = AnswerEvaluation.At(set.Outcomes, Threshold);
            var latency = Latency.Of(set.Outcomes);
            output.WriteLine($"{set.Name}: {m.Questions} questions ({m.Answerable} answerable, {m.Unanswerable} unanswerable, {m.FollowUps} follow-ups) " +
                $"over {set.About}; answerer {set.Answerer}, abstaining below confidence {Threshold:F2}");
            WriteMetrics([("", m)], output);
            output.WriteLine($"Latency per question: answerer p50 {latency.AnswerP50:F1} ms, p95 {latency.AnswerP95:F1} ms; " +
                $"whole ask p50 {latency.TotalP50:F1} ms, p95 {latency.TotalP95:F1} ms");
            output.WriteLine();
            output.WriteLine("Trade-off curve (abstain below the threshold; 0 never abstains, above 1 always does):");
            WriteMetrics(AnswerEvaluation.Curve(set.Outcomes).Select(p => (p.Threshold.ToString("F2", CultureInfo.InvariantCulture), p.Metrics)).ToList(), output);
            output.WriteLine();
        }
        if (Fit is null) return;
        output.WriteLine("Fitted confidence weights (ConfidenceModel.Default order):");
        output.WriteLine("[" + string.Join(", ", Fit.InSample.Weights.Select(w => w.ToString("F3", CultureInfo.InvariantCulture))) + "]");
        foreach (var (name, weight) in ConfidenceFeatures.Names.Zip(Fit.InSample.Weights))
            output.WriteLine($"  {name,-20} {weight,8:F3}");
        output.WriteLine($"In sample (fit and threshold {Fit.InSample.Threshold:F2} on every set):");
        WriteMetrics(Fit.InSampleBySet.Select(x => (x.Key, x.Value)).ToList(), output);
        output.WriteLine($"Cross-validated by story ({Fit.Folds} folds: fit and threshold on the other folds' stories, measured on the held-out fold's):");
        WriteMetrics(Fit.FoldCalibrations.Select((f, i) => ($"fold {i + 1} @ {f.Threshold:F2}", f.Metrics)).ToList(), output);
        output.WriteLine("Out of fold, per set:");
        WriteMetrics(Fit.OutOfFoldBySet.Select(x => (x.Key, x.Value)).ToList(), output);
    }

    private static void WriteMetrics(IReadOnlyList<(string Label, AnswerMetrics Metrics)> rows, TextWriter output)
    {
        output.WriteLine("| | storyRetrieved | answered | containment | rightArticle | supportQuoted | shortAnswer | abstention | followUps | overall | citationFailures |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (label, m) in rows)
            output.WriteLine($"| {label} | {m.StoryRetrieved:F3} | {m.Answered:F3} | {m.Containment:F3} | {m.RightArticle:F3} | {Share(m.SupportQuoted, m.Answerable)} | " +
                $"{Share(m.ShortAnswerMatch, m.ShortAnswerQuestions)} | {m.Abstention:F3} | {Share(m.FollowUpContainment, m.FollowUps)} | {m.Overall:F3} | {m.CitationFailures} |");
    }

    private static string Share(double value, int of) => of == 0 ? "-" : value.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>One set's metrics at the top level; several under their names.</summary>
    public Dictionary<string, object?> Json(bool withCurve)
    {
        var result = new Dictionary<string, object?> { ["threshold"] = Threshold, ["answerer"] = Sets[0].Answerer };
        foreach (var set in Sets)
        {
            var metrics = MetricsJson(AnswerEvaluation.At(set.Outcomes, Threshold));
            var latency = Latency.Of(set.Outcomes);
            metrics["latencyMs"] = new Dictionary<string, double>
            {
                ["answerP50"] = Math.Round(latency.AnswerP50, 2), ["answerP95"] = Math.Round(latency.AnswerP95, 2),
                ["totalP50"] = Math.Round(latency.TotalP50, 2), ["totalP95"] = Math.Round(latency.TotalP95, 2),
            };
            if (withCurve) metrics["curve"] = AnswerEvaluation.Curve(set.Outcomes).Select(p => MetricsJson(p.Metrics, p.Threshold)).ToList();
            if (Sets.Count == 1) foreach (var (key, value) in metrics) result[key] = value;
            else result[set.Name] = metrics;
        }
        if (Fit is not null)
            result["fit"] = new Dictionary<string, object?>
            {
                ["weights"] = ConfidenceFeatures.Names.Zip(Fit.InSample.Weights).ToDictionary(x => x.First, x => Math.Round(x.Second, 4)),
                ["threshold"] = Fit.InSample.Threshold,
                ["inSample"] = Fit.InSampleBySet.ToDictionary(x => x.Key, x => MetricsJson(x.Value)),
                ["folds"] = Fit.FoldCalibrations.Select(f => MetricsJson(f.Metrics, f.Threshold)).ToList(),
                ["outOfFold"] = Fit.OutOfFoldBySet.ToDictionary(x => x.Key, x => MetricsJson(x.Value)),
            };
        return result;
    }

    private static Dictionary<string, object?> MetricsJson(AnswerMetrics m, double? threshold = null)
    {
        var json = new Dictionary<string, object?>();
        if (threshold is { } t) json["threshold"] = Math.Round(t, 2);
        json["questions"] = m.Questions;
        json["answerable"] = m.Answerable;
        json["unanswerable"] = m.Unanswerable;
        json["storyRetrieved"] = Math.Round(m.StoryRetrieved, 4);
        json["answered"] = Math.Round(m.Answered, 4);
        json["containment"] = Math.Round(m.Containment, 4);
        json["rightArticle"] = Math.Round(m.RightArticle, 4);
        json["supportQuoted"] = Math.Round(m.SupportQuoted, 4);
        json["shortAnswerQuestions"] = m.ShortAnswerQuestions;
        json["shortAnswerMatch"] = Math.Round(m.ShortAnswerMatch, 4);
        json["abstention"] = Math.Round(m.Abstention, 4);
        json["falseAbstention"] = Math.Round(m.FalseAbstention, 4);
        json["followUps"] = m.FollowUps;
        json["followUpContainment"] = Math.Round(m.FollowUpContainment, 4);
        json["overall"] = Math.Round(m.Overall, 4);
        json["citationFailures"] = m.CitationFailures;
        return json;
    }
}
