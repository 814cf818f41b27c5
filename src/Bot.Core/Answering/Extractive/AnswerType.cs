using System.Text.RegularExpressions;

namespace Bot.Core.Answering.Extractive;

/// <summary>What kind of answer a question asks for, read from its wording.</summary>
public enum AnswerType { Any, Time, Number, Name }

/// <summary>
/// Answer-type cues: "when"/"what year" want a date, "how many"/"how much" a number, "who"/"where"/"which
/// company" a name. A sentence matches when it holds such a token that the question itself does not, i.e. it
/// can supply the missing piece.
/// </summary>
public static partial class AnswerTypes
{
    public static AnswerType Of(string question)
    {
        var q = question.ToLowerInvariant();
        if (TimeCue().IsMatch(q)) return AnswerType.Time;
        if (NumberCue().IsMatch(q)) return AnswerType.Number;
        if (NameCue().IsMatch(q)) return AnswerType.Name;
        return AnswerType.Any;
    }

    /// <summary>True when <paramref name="sentence"/> holds a token of <paramref name="type"/> absent from <paramref name="question"/>.</summary>
    public static bool Matches(AnswerType type, string sentence, string question) => type switch
    {
        AnswerType.Time => HasNew(TimeToken(), sentence, question),
        AnswerType.Number => HasNew(NumberToken(), sentence, question),
        AnswerType.Name => HasNewName(sentence, question),
        _ => false,
    };

    private static bool HasNew(Regex pattern, string sentence, string question)
    {
        foreach (Match match in pattern.Matches(sentence))
            if (!question.Contains(match.Value, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>A capitalised word that does not open the sentence and does not appear in the question.</summary>
    private static bool HasNewName(string sentence, string question)
    {
        foreach (Match match in CapitalisedWord().Matches(sentence))
        {
            if (match.Index == 0) continue;
            if (!question.Contains(match.Value, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(when|what year|which year|in what year|in which year)\b|\b(what|which) (year|date|day|month|century|decade|era|period|time)\b|\bwhen\b")]
    private static partial Regex TimeCue();

    [GeneratedRegex(@"\bhow (many|much|long|old|far|big|large|tall|high|often|fast)\b|\b(what|which) (percentage|percent|number|amount|proportion|size|population)\b")]
    private static partial Regex NumberCue();

    [GeneratedRegex(@"^(who|whom|whose|where)\b|\b(who|whom|whose|where)\b|\b(what|which) (company|organization|organisation|person|city|country|state|group|team|name|place|university|party)\b")]
    private static partial Regex NameCue();

    [GeneratedRegex(@"\b(1\d{3}|20\d{2})s?\b|\b\d{1,2}(st|nd|rd|th) century\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeToken();

    [GeneratedRegex(@"\d[\d,.]*|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|half)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}\-]+")]
    private static partial Regex CapitalisedWord();
}
