namespace Bot.Core.Answering.Extractive;

/// <summary>
/// What the confidence model looks at for one question: how well the best sentence, its neighbours and its
/// passage cover the question (terms weighted by rarity), how clearly the best sentence wins, whether it holds
/// the kind of token the question asks for, and the signs of a doctored question. SQuAD 2.0's unanswerable
/// questions are written to look answerable from the paragraph, usually by swapping in a name it lacks, by
/// negating it, or by flipping a small word ("before" for "after"), which the last three features catch.
/// </summary>
public sealed record ConfidenceFeatures(
    double Coverage,
    double PassageCoverage,
    double WindowCoverage,
    bool TypeMatch,
    double RankScore,
    double Margin,
    int QuestionTerms,
    /// <summary>Share of the sentence's terms that are not the question's: room for the answer.</summary>
    double SentenceNovelty,
    /// <summary>The question is negated ("not", "never"...), the sentence is not.</summary>
    bool NegationMismatch,
    /// <summary>A name or number of the question is nowhere in the passage.</summary>
    bool EntityMissing,
    /// <summary>Sense-flipping small words of the question the sentence lacks (<see cref="Contrast"/>).</summary>
    int ContrastMissing)
{
    /// <summary>Names of <see cref="ToVector"/>'s entries, in order (the first is the intercept).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "intercept", "coverage", "passageCoverage", "windowCoverage", "fullCoverage", "typeMatch", "rankScore", "margin",
        "logQuestionTerms", "sentenceNovelty", "negationMismatch", "entityMissing", "contrastMissing",
    ];

    public double[] ToVector() =>
    [
        1,
        Coverage,
        PassageCoverage,
        WindowCoverage,
        Coverage >= 0.999 ? 1 : 0,
        TypeMatch ? 1 : 0,
        RankScore,
        Margin,
        Math.Log(1 + QuestionTerms),
        SentenceNovelty,
        NegationMismatch ? 1 : 0,
        EntityMissing ? 1 : 0,
        ContrastMissing,
    ];
}
