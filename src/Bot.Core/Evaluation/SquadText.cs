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

    /// <summary>SQuAD's F1: the harmonic mean of token precision and recall of the normalised texts.</summary>
    public static double F1(string prediction, string gold)
    {
        var predicted = Normalize(prediction).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wanted = Normalize(gold).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (predicted.Length == 0 || wanted.Length == 0) return predicted.Length == wanted.Length ? 1 : 0;
        var counts = wanted.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var common = 0;
        foreach (var token in predicted)
            if (counts.TryGetValue(token, out var left) && left > 0)
            {
                counts[token] = left - 1;
                common++;
            }
        if (common == 0) return 0;
        double precision = common / (double)predicted.Length, recall = common / (double)wanted.Length;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>
    /// Whether one text holds the other once normalised (a quote that is the supporting sentence, part of it, or
    /// contains it); apostrophes are dropped first, so "Africa's" and the damaged "Africa s" compare equal.
    /// </summary>
    public static bool Overlaps(string a, string b)
    {
        static string Clean(string text) => Normalize(text.Replace("\u2019", "").Replace("'", "").Replace(" s ", "s "));
        var (x, y) = (Clean(a), Clean(b));
        if (x.Length == 0 || y.Length == 0) return false;
        return x.Length >= y.Length ? x.Contains(y, StringComparison.Ordinal) : y.Contains(x, StringComparison.Ordinal) && x.Length * 2 >= y.Length;
    }

    [GeneratedRegex(@"\b(a|an|the)\b")]
    private static partial Regex Articles();
}
