using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Core.Articles.Repair;

/// <summary>
/// Puts back apostrophes that an archive turned into spaces ("Africa s Sahel", "didn t", "we re", "O Neill"),
/// as ASCII "'". Only patterns that are almost never anything else are repaired: "s" after a word of two or more
/// characters, "t" after the negative auxiliaries (don, can, won...), re/ve/ll/m/d after the pronouns that
/// take them, and a lone "O" before a surname. The repair swaps one space for one apostrophe, so the text keeps
/// its length and every offset into it stays valid. Existing apostrophes (’ or ') are left as they are.
/// </summary>
public static partial class ApostropheRepair
{
    private static readonly HashSet<string> NegativeAuxiliaries = Words(
        "don doesn didn can won isn aren wasn weren haven hasn hadn couldn wouldn shouldn mustn needn mightn shan ain");
    private static readonly Dictionary<string, HashSet<string>> PronounContractions = new(StringComparer.Ordinal)
    {
        ["re"] = Words("we you they who what"),
        ["ve"] = Words("i we you they who what would could should might must"),
        ["ll"] = Words("i you he she it we they that there who what this"),
        ["m"] = Words("i"),
        ["d"] = Words("i you he she it we they who that there what"),
    };

    /// <summary>A space and a contraction suffix ending a word: followed by a space, the end or closing punctuation
    /// (not by "&amp;", a hyphen or an apostrophe).</summary>
    [GeneratedRegex(@" (?<suffix>s|t|re|ve|ll|m|d)(?=$|[\s.,;:!?)\]}""”…])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();

    /// <summary>Irish surnames: "O Neill", "O Brien" (a lone capital O before a capitalised word).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}'’.-])O (?=\p{Lu}\p{Ll})")]
    private static partial Regex IrishSurname();

    public static string Repair(string text)
    {
        StringBuilder? repaired = null;
        foreach (Match match in Suffix().Matches(text))
        {
            if (WordBefore(text, match.Index) is not { } word || !ShouldJoin(word, match.Groups["suffix"].Value)) continue;
            (repaired ??= new StringBuilder(text))[match.Index] = '\'';
        }
        foreach (Match match in IrishSurname().Matches(text))
            (repaired ??= new StringBuilder(text))[match.Index + 1] = '\'';
        return repaired?.ToString() ?? text;
    }

    /// <summary>
    /// The word ending at <paramref name="end"/>: letters and digits with inner hyphens, dots or ampersands and one
    /// closing dot ("Jae-in", "AT&amp;T", "U.S."); null when there is none or it is glued to an apostrophe or a dash.
    /// The word is read here rather than matched, so in "said. We re" the "We" is both a suffix and a word.
    /// </summary>
    private static string? WordBefore(string text, int end)
    {
        var start = end > 0 && text[end - 1] == '.' ? end - 1 : end;
        while (start > 0)
        {
            var c = text[start - 1];
            var joins = c is '-' or '.' or '&' && start >= 2 && char.IsLetterOrDigit(text[start - 2]) && char.IsLetterOrDigit(text[start]);
            if (!char.IsLetterOrDigit(c) && !joins) break;
            start--;
        }
        if (start == end || !char.IsLetterOrDigit(text[start])) return null;
        if (start > 0 && text[start - 1] is '\'' or '’' or '.' or '&' or '-') return null;
        return text[start..end];
    }

    private static bool ShouldJoin(string word, string suffix)
    {
        var lowerSuffix = suffix.ToLowerInvariant();
        if (suffix != lowerSuffix && !(suffix == suffix.ToUpperInvariant() && IsShouting(word))) return false;
        var lowerWord = word.ToLowerInvariant();
        return lowerSuffix switch
        {
            "s" => word.Length >= 2 && (!word.EndsWith('.') || word[..^1].Contains('.')),
            "t" => NegativeAuxiliaries.Contains(lowerWord),
            _ => PronounContractions.TryGetValue(lowerSuffix, out var pronouns) && pronouns.Contains(lowerWord),
        };
    }

    /// <summary>An all-capitals word ("TRUMP S", "DON T"), whose suffix is capitalised too.</summary>
    private static bool IsShouting(string word) =>
        word.Count(char.IsLetter) >= 2 && !word.Any(char.IsLower);

    private static HashSet<string> Words(string words) =>
        new(words.Split(' '), StringComparer.Ordinal);
}
