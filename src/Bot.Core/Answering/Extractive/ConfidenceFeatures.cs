namespace Bot.Core.Answering.Extractive;

/// <summary>
/// What the confidence model looks at for one question: how well the best sentence and its passage cover the
/// question (weighted by rarity), how much of the question no part of that passage mentions, whether the
/// answer type fits, how clearly the best sentence wins, and whether the question is negated where the
/// sentence is not. SQuAD 2.0's unanswerable questions are written to look answerable from the paragraph,
/// usually by swapping in one term it lacks or by negating it, which these features are meant to catch.
/// </summary>
public sealed record ConfidenceFeatures(
    double Coverage,
    double PassageCoverage,
    double LargestMissing,
    bool TypeMatch,
    bool ExpectsType,
    double RankScore,
    double Margin,
    int QuestionTerms,
    bool NegationMismatch)
{
    /// <summary>Names of <see cref="ToVector"/>'s entries, in order (the first is the intercept).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "intercept", "coverage", "passageCoverage", "largestMissing", "typeMatch", "expectsType", "rankScore",
        "margin", "logQuestionTerms", "negationMismatch",
    ];

    public double[] ToVector() =>
    [
        1,
        Coverage,
        PassageCoverage,
        LargestMissing,
        TypeMatch ? 1 : 0,
        ExpectsType ? 1 : 0,
        RankScore,
        Margin,
        Math.Log(1 + QuestionTerms),
        NegationMismatch ? 1 : 0,
    ];
}
