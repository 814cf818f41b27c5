using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Bot.Core.Analysis;

/// <summary>
/// Turns text into index terms: words split on anything but letters and digits (apostrophes too, so
/// "Africa's" and "Africa s" index alike), diacritics folded, lower-cased, news spellings made one
/// (<see cref="NewsTerms"/>: countries and demonyms, numbers, ordinals, months, percent), stop words dropped,
/// stemmed with Snowball English (Porter2). Dotted acronyms ("U.S.") stay one term. Every store and
/// the extractive answerer use this one analyser, so lexical scores mean the same everywhere.
/// </summary>
public static class TextAnalyzer
{
    private const int MaxCachedStems = 200_000;
    private static readonly ConcurrentDictionary<string, string> StemCache = new(StringComparer.Ordinal);
    [ThreadStatic] private static EnglishStemmer? stemmer;

    /// <summary>
    /// Bumped whenever the terms a text analyses to change: a store whose index was built with another version
    /// re-analyses its chunks (see <see cref="NewsTerms"/> for what version 2 added).
    /// </summary>
    public const int Version = 2;

    /// <summary>The analysed terms of <paramref name="text"/>, in order, repeats kept.</summary>
    public static List<string> Terms(string text)
    {
        var tokens = Tokenize(text).ToList();
        var terms = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            var used = NewsTerms.Match(tokens, i, terms);
            if (used > 0)
            {
                i += used;
                continue;
            }
            var token = tokens[i++];
            if (token.IsAcronym) terms.Add(token.Text);
            else if (!StopWords.English.Contains(token.Text)) terms.Add(Stem(token.Text));
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

    /// <param name="IsUpper">Every letter was a capital ("US", "NATO").</param>
    /// <param name="Joined">Nothing separated it from the previous token: letters after digits in one word ("4th").</param>
    /// <param name="IsSymbol">A currency or percent sign read as its word.</param>
    internal readonly record struct Token(string Text, bool IsAcronym, bool IsUpper = false, bool Joined = false, bool IsSymbol = false);

    /// <summary>Currency and percent signs, read as the words they stand for ("$100" is "dollar", "100").</summary>
    private static string? SymbolWord(char c) => c switch
    {
        '$' => "dollar",
        '€' => "euro",
        '£' => "pound",
        '%' => "percent",
        _ => null,
    };

    /// <summary>
    /// Lower-cased, diacritic-free words; letters and digits split ("100million" is "100", "million"); thousands
    /// separators dropped ("1,000" is "1000"); currency and percent signs as words.
    /// </summary>
    internal static IEnumerable<Token> Tokenize(string text)
    {
        var word = new StringBuilder();
        var dots = 0;
        var upper = true;
        var joined = false;
        var i = 0;
        while (i <= text.Length)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                var folded = Fold(c);
                if (word.Length > 0 && folded != '\0' && char.IsDigit(folded) != char.IsDigit(word[^1]) && dots == 0)
                {
                    yield return new Token(word.ToString(), false, upper && !char.IsDigit(word[0]), joined);
                    word.Clear();
                    upper = true;
                    joined = true;
                }
                if (folded != '\0')
                {
                    if (char.IsLetter(c) && !char.IsUpper(c)) upper = false;
                    word.Append(folded);
                }
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
            // A comma inside a number groups thousands: 1,000 and 12,500,000.
            if (c == ',' && word.Length > 0 && char.IsDigit(word[^1]) && IsThousands(text, i + 1))
            {
                i++;
                continue;
            }
            if (word.Length > 0)
            {
                yield return new Token(word.ToString(), dots > 0, upper && !char.IsDigit(word[0]), joined);
                word.Clear();
            }
            if (SymbolWord(c) is { } symbol) yield return new Token(symbol, false, IsSymbol: true);
            dots = 0;
            upper = true;
            joined = false;
            i++;
        }
    }

    /// <summary>Exactly three digits at <paramref name="at"/>, then no digit.</summary>
    private static bool IsThousands(string text, int at) =>
        at + 3 <= text.Length && char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2])
        && (at + 3 == text.Length || !char.IsDigit(text[at + 3]));

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
