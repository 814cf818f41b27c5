using System.Text.RegularExpressions;
using Bot.Core.Analysis;

namespace Bot.Core.Answering.Extractive;

/// <summary>
/// A text as its surface words in order, case kept ("Mountari", "don't", "U.S.-Nigerien"), with their stems. The
/// confidence cues read word order and small words (negations, opposites) that analysed terms drop.
/// </summary>
public sealed partial class Words
{
    [GeneratedRegex(@"[\p{L}\d][\p{L}\d'’\-]*")]
    private static partial Regex Word();

    public IReadOnlyList<string> Surface { get; }
    /// <summary>Lower-cased, curly apostrophes made straight.</summary>
    public IReadOnlyList<string> Lower { get; }
    /// <summary>Snowball stems of <see cref="Lower"/>, news spellings made one as the analyser makes them ("Oct." and "October" alike).</summary>
    public IReadOnlyList<string> Stems { get; }
    public IReadOnlySet<string> LowerSet { get; }
    public IReadOnlySet<string> StemSet { get; }

    private Words(IReadOnlyList<string> surface)
    {
        Surface = surface;
        Lower = surface.Select(w => w.ToLowerInvariant().Replace('’', '\'')).ToList();
        Stems = Lower.Select(TextAnalyzer.Canonical).ToList();
        LowerSet = Lower.ToHashSet(StringComparer.Ordinal);
        StemSet = Stems.ToHashSet(StringComparer.Ordinal);
    }

    public static Words Of(string text) => new(Word().Matches(text).Select(m => m.Value).ToList());

    public int Count => Surface.Count;

    /// <summary>
    /// Whether word <paramref name="i"/> asks rather than states: the word after "how" ("how many", "how long"),
    /// or "happened" after "what", stands where the answer goes, so no sentence is expected to repeat it.
    /// </summary>
    public bool IsAsking(int i) => i > 0 && (Lower[i - 1] == "how" || (Lower[i - 1] is "what" && Lower[i] is "happened" or "happens" or "happen" or "occurred"));

    public static bool IsStopWord(string lower) => StopWords.English.Contains(lower);
}
