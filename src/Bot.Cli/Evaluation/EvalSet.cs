using Bot.Core.Evaluation;

namespace Bot.Cli.Evaluation;

/// <summary>One question set as asked: its name ("squad", "news"), what it was asked of, and every outcome.</summary>
public sealed record EvalSet(string Name, string About, string Answerer, IReadOnlyList<AnswerOutcome> Outcomes);

/// <summary>The confidence model refitted on every set together, with each set's in-sample and out-of-fold metrics.</summary>
public sealed record EvalFit(Calibration InSample, int Folds, IReadOnlyList<Calibration> FoldCalibrations,
    IReadOnlyDictionary<string, AnswerMetrics> InSampleBySet, IReadOnlyDictionary<string, AnswerMetrics> OutOfFoldBySet)
{
    public static EvalFit Run(IReadOnlyList<EvalSet> sets, int folds)
    {
        var all = sets.SelectMany(s => s.Outcomes).ToList();
        var inSample = ConfidenceCalibration.InSample(all);
        var score = ConfidenceCalibration.Scorer(new Core.Answering.Extractive.ConfidenceModel(inSample.Weights));
        var (answers, calibrations) = ConfidenceCalibration.CrossValidate(all, folds);
        return new EvalFit(inSample, folds, calibrations,
            sets.ToDictionary(s => s.Name, s => AnswerEvaluation.At(s.Outcomes, inSample.Threshold, score)),
            sets.ToDictionary(s => s.Name, s => AnswerEvaluation.Measure(s.Outcomes, o => answers[o])));
    }
}
