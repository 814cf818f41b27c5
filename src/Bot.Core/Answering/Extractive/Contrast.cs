namespace Bot.Core.Answering.Extractive;

/// <summary>
/// The small words the stop list drops that flip a question's sense ("before"/"after", "most"/"least").
/// Unanswerable questions are often an answerable one with such a word swapped, which analysed terms miss.
/// </summary>
public static class Contrast
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "after", "before", "above", "below", "more", "most", "few", "fewer", "less", "least", "only", "same", "other",
        "against", "under", "over", "up", "down", "once", "again", "first", "last", "never", "always", "until",
        "during", "without", "between", "both", "all", "any", "each",
    };

    /// <summary>How many sense-flipping words of the question the sentence lacks.</summary>
    public static int MissingWords(string question, string sentence)
    {
        var inSentence = LowerWords(sentence).ToHashSet(StringComparer.Ordinal);
        return LowerWords(question).Where(Words.Contains).Distinct().Count(w => !inSentence.Contains(w));
    }

    private static IEnumerable<string> LowerWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
