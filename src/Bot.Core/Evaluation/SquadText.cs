using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Core.Evaluation;

/// <summary>SQuAD's official answer normalisation, and containment of a gold answer in a longer answer text.</summary>
public static partial class SquadText
{
    public static string Normalize(string text)
    {
        var lower = text.ToLowerInvariant();
        var noPunctuation = new StringBuilder(lower.Length);
        foreach (var c in lower)
            if (!char.IsPunctuation(c) && !char.IsSymbol(c)) noPunctuation.Append(c);
        var noArticles = Articles().Replace(noPunctuation.ToString(), " ");
        return string.Join(' ', noArticles.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>True when some gold answer appears in <paramref name="answer"/> as whole normalised words.</summary>
    public static bool ContainsAny(string answer, IEnumerable<string> golds)
    {
        var haystack = " " + Normalize(answer) + " ";
        return golds.Select(Normalize).Any(g => g.Length > 0 && haystack.Contains(" " + g + " ", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\b(a|an|the)\b")]
    private static partial Regex Articles();
}
