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
    /// "happened" after "what", or the kind of answer a "what"/"which" names ("on what date", "what time", "what's
    /// his real name") stands where the answer goes, so no sentence is expected to repeat it: "Oct. 29" answers
    /// "what date" without the word "date". (Not "percent": the answer says "39 percent".)
    /// </summary>
    public bool IsAsking(int i) => i > 0 && (Lower[i - 1] == "how"
        || (Lower[i - 1] is "what" && Lower[i] is "happened" or "happens" or "happen" or "occurred")
        || (AnswerKinds.Contains(Lower[i]) && NamedByWhat(i)));

    private static readonly HashSet<string> AnswerKinds =
        new(["date", "day", "time", "hour", "year", "month", "age", "name"], StringComparer.Ordinal);

    /// <summary>Whether a "what"/"which" opens the phrase that ends at word <paramref name="i"/>, within three words and before any verb of the question.</summary>
    private bool NamedByWhat(int i)
    {
        for (var j = i - 1; j >= Math.Max(0, i - 3); j--)
        {
            if (Lower[j] is "what" or "which" or "what's") return true;
            if (Auxiliaries.Contains(Lower[j])) return false;
        }
        return false;
    }

    private static readonly HashSet<string> Auxiliaries =
        new(["is", "was", "are", "were", "do", "does", "did", "will", "would", "has", "have", "had", "can", "could"], StringComparer.Ordinal);

    public static bool IsStopWord(string lower) => StopWords.English.Contains(lower);
}
