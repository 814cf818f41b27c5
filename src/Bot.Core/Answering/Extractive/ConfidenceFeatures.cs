namespace Bot.Core.Answering.Extractive;

/// <summary>
/// What the confidence model looks at for one question: how well the best sentence, its neighbours and its
/// passage cover the question (terms weighted by rarity), how rare the rarest missing term is, how clearly the
/// best sentence wins, and the signs of a doctored question. SQuAD 2.0's unanswerable questions are written to
/// look answerable from a paragraph: a name or number swapped for one the paragraph lacks, a negation added, a
/// word flipped to its opposite ("least" for "most"), which the cues from <see cref="Negation"/>,
/// <see cref="Opposites"/> and <see cref="Substitutions"/> catch.
/// </summary>
public sealed record ConfidenceFeatures(
    double Coverage,
    /// <summary>Coverage of the sentence with its neighbours in the chunk (a question often spans two sentences).</summary>
    double WindowCoverage,
    double PassageCoverage,
    /// <summary>How many of the question's terms the window lacks.</summary>
    int MissingTerms,
    /// <summary>Rarity of the rarest question term missing from the window, 0..1.</summary>
    double MissingRarity,
    /// <summary>Ranking score of the best sentence minus that of the best sentence of another article.</summary>
    double Margin,
    int QuestionTerms,
    /// <summary>Share of the sentence's terms that are not the question's: room for the answer.</summary>
    double SentenceNovelty,
    /// <summary>The question is negated ("not", "never"...), the sentence not at all.</summary>
    bool NegationMismatch,
    /// <summary>A word the question negates is not negated in the window.</summary>
    bool NegationLost,
    /// <summary>The sentence negates a word the question asserts.</summary>
    bool NegationAdded,
    /// <summary>A name or number of the question is nowhere in the passage.</summary>
    bool EntityMissing,
    /// <summary>A number written in digits in the question is not in the sentence.</summary>
    bool NumberMissing,
    /// <summary>The question asks the opposite of the sentence (<see cref="Opposites"/>).</summary>
    bool Opposite,
    /// <summary>A name or number of the question is replaced by another in the sentence (<see cref="Substitutions"/>).</summary>
    bool NameOrNumberSwapped,
    /// <summary>A content word of the question is replaced by another before a shared word.</summary>
    bool ModifierSwapped,
    /// <summary>The question wants a short answer (a name, date, place or amount): <see cref="QuestionIntent.WantsShortAnswer"/>.</summary>
    bool WantsShortAnswer,
    /// <summary>The question wants a short answer and the sentence holds none of that kind that is new.</summary>
    bool ShortAnswerMissing,
    /// <summary>The sentence's amount counts what the question counts.</summary>
    bool ShortAnswerFocused,
    /// <summary>How near the short answer stands to the question's words in the sentence, 0..1 (0 without one).</summary>
    double ShortAnswerNearness,
    /// <summary>The question asks why, or what somebody said.</summary>
    bool AsksWhyOrSaid,
    /// <summary>The sentence gives a reason (for "why") or reports speech (for "what did X say").</summary>
    bool Cue,
    /// <summary>The sentence names the day the question names.</summary>
    bool SameDay)
{
    /// <summary>Names of <see cref="ToVector"/>'s entries, in order (the first is the intercept).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "intercept", "coverage", "windowCoverage", "passageCoverage", "fullWindow", "coverageSquared", "logMissingTerms", "missingRarity", "margin", "logQuestionTerms",
        "sentenceNovelty", "negationMismatch", "negationLost", "negationAdded", "entityMissing", "numberMissing", "opposite",
        "nameOrNumberSwapped", "modifierSwapped", "wantsShortAnswer", "shortAnswerMissing", "shortAnswerFocused", "shortAnswerNearness",
        "asksWhyOrSaid", "cue", "sameDay",
    ];

    public double[] ToVector() =>
    [
        1,
        Coverage,
        WindowCoverage,
        PassageCoverage,
        Flag(MissingTerms == 0),
        Coverage * Coverage,
        Math.Log(1 + MissingTerms),
        MissingRarity,
        Margin,
        Math.Log(1 + QuestionTerms),
        SentenceNovelty,
        Flag(NegationMismatch),
        Flag(NegationLost),
        Flag(NegationAdded),
        Flag(EntityMissing),
        Flag(NumberMissing),
        Flag(Opposite),
        Flag(NameOrNumberSwapped),
        Flag(ModifierSwapped),
        Flag(WantsShortAnswer),
        Flag(ShortAnswerMissing),
        Flag(ShortAnswerFocused),
        ShortAnswerNearness,
        Flag(AsksWhyOrSaid),
        Flag(Cue),
        Flag(SameDay),
    ];

    private static double Flag(bool value) => value ? 1 : 0;
}
