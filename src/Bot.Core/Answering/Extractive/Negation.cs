namespace Bot.Core.Answering.Extractive;

/// <summary>
/// Negation read from words: whether a text is negated at all, and which words a negation governs (the content
/// words up to three after "not", "never", "unable"...). SQuAD 2.0's unanswerable questions often negate an
/// answerable one ("Who was not exempt from taxes?"), and a sentence that merely contains a "not" somewhere
/// does not answer that.
/// </summary>
public static class Negation
{
    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "never", "no", "nor", "without", "cannot", "neither", "unable", "fail", "fails", "failed",
    };

    /// <summary>Contractions split at the apostrophe by some texts ("don t") leave these behind.</summary>
    private static readonly HashSet<string> ContractionStems = new(StringComparer.Ordinal)
    {
        "don", "didn", "doesn", "isn", "wasn", "aren", "weren", "hasn", "haven", "hadn", "couldn", "wouldn", "shouldn", "won", "can",
    };

    private const int Scope = 3;

    public static bool IsNegator(string lower) => Negators.Contains(lower) || lower.EndsWith("n't", StringComparison.Ordinal);

    /// <summary>Whether any word negates (the whole-text test; <see cref="GovernedStems"/> says what it negates).</summary>
    public static bool IsNegated(Words words) => words.Lower.Any(IsNegator);

    /// <summary>Stems of the content words within <see cref="Scope"/> words after a negation.</summary>
    public static IReadOnlySet<string> GovernedStems(Words words)
    {
        var governed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words.Lower[i];
            var negates = IsNegator(word) || (ContractionStems.Contains(word) && i + 1 < words.Count && words.Lower[i + 1] == "t");
            if (!negates) continue;
            for (var j = i + 1; j < Math.Min(words.Count, i + 1 + Scope); j++)
                if (!Words.IsStopWord(words.Lower[j]) && words.Lower[j] != "t") governed.Add(words.Stems[j]);
        }
        return governed;
    }
}
