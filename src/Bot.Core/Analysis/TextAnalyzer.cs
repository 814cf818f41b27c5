using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Bot.Core.Analysis;

/// <summary>
/// Turns text into index terms: words split on anything but letters and digits (apostrophes too, so
/// "Africa's" and "Africa s" index alike), diacritics folded, lower-cased, stop words dropped,
/// stemmed with Snowball English (Porter2). Dotted acronyms ("U.S.") stay one term. Every store and
/// the extractive answerer use this one analyser, so lexical scores mean the same everywhere.
/// </summary>
public static class TextAnalyzer
{
    private const int MaxCachedStems = 200_000;
    private static readonly ConcurrentDictionary<string, string> StemCache = new(StringComparer.Ordinal);
    [ThreadStatic] private static EnglishStemmer? stemmer;

    /// <summary>The analysed terms of <paramref name="text"/>, in order, repeats kept.</summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var token in Tokenize(text))
        {
            if (token.IsAcronym) { terms.Add(token.Text); continue; }
            if (StopWords.English.Contains(token.Text)) continue;
            terms.Add(Stem(token.Text));
        }
        return terms;
    }

    /// <summary>Joins a pair of adjacent terms into one term, e.g. "defenc_minist".</summary>
    public const char PairSeparator = '_';

    /// <summary>
    /// Adjacent term pairs ("armed drones" → "arm_drone"), indexed beside the single terms so a query's phrases
    /// rank the passages that keep them together (SQuAD-half lexical recall@1 0.828 → 0.847 at half weight).
    /// </summary>
    public static IEnumerable<string> Pairs(IReadOnlyList<string> terms)
    {
        for (var i = 0; i + 1 < terms.Count; i++)
            yield return terms[i] + PairSeparator + terms[i + 1];
    }

    /// <summary>Term frequencies of <paramref name="text"/>.</summary>
    public static Dictionary<string, int> TermCounts(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in Terms(text))
            counts[term] = counts.GetValueOrDefault(term) + 1;
        return counts;
    }

    public static string Stem(string word)
    {
        if (word.Length <= 2 || !char.IsAsciiLetter(word[0])) return word;
        if (StemCache.TryGetValue(word, out var cached)) return cached;
        var s = stemmer ??= new EnglishStemmer();
        s.SetCurrent(word);
        s.Stem();
        var stem = s.Current;
        if (StemCache.Count < MaxCachedStems) StemCache.TryAdd(word, stem);
        return stem;
    }

    internal readonly record struct Token(string Text, bool IsAcronym);

    /// <summary>Lower-cased, diacritic-free words; letters and digits split ("100million" is "100", "million").</summary>
    internal static IEnumerable<Token> Tokenize(string text)
    {
        var word = new StringBuilder();
        var dots = 0;
        var i = 0;
        while (i <= text.Length)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                var folded = Fold(c);
                if (word.Length > 0 && folded != '\0' && char.IsDigit(folded) != char.IsDigit(word[^1]) && dots == 0)
                {
                    yield return new Token(word.ToString(), false);
                    word.Clear();
                }
                if (folded != '\0') word.Append(folded);
                i++;
                continue;
            }
            // A dot between single letters continues an acronym: U.S., U.N., E.U.
            if (c == '.' && word.Length == dots + 1 && i + 1 < text.Length && char.IsLetter(text[i + 1])
                && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
            {
                dots++;
                i++;
                continue;
            }
            if (word.Length > 0)
            {
                yield return new Token(word.ToString(), dots > 0);
                word.Clear();
            }
            dots = 0;
            i++;
        }
    }

    private static char Fold(char c)
    {
        if (c < 128) return char.ToLowerInvariant(c);
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                return char.ToLowerInvariant(d);
        return '\0';
    }
}
