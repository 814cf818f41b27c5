namespace Bot.Core.Analysis;

/// <summary>
/// The news spellings one fact comes in, made one term before stemming, so a question matches the story however
/// either writes it: a country's names, aliases and demonyms ("U.S.", "US", "United States", "American" →
/// "us"); numbers as words or digits and ordinals ("four" → "4", "fourth" and "4th" → "4th", "a dozen" → "12");
/// months and their abbreviations ("Oct." → "october"); "per cent" and "pct" → "percent", "mln" → "million".
/// Two-letter aliases count only in capitals ("US", "U.N."), never the pronoun "us".
/// </summary>
internal static class NewsTerms
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["dozen"] = 12,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8,
        ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13, ["fourteenth"] = 14, ["fifteenth"] = 15,
        ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50, ["hundredth"] = 100,
    };

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["jan"] = "january", ["january"] = "january", ["feb"] = "february", ["february"] = "february", ["mar"] = "march",
        ["march"] = "march", ["apr"] = "april", ["april"] = "april", ["may"] = "may", ["jun"] = "june", ["june"] = "june",
        ["jul"] = "july", ["july"] = "july", ["aug"] = "august", ["august"] = "august", ["sep"] = "september", ["sept"] = "september",
        ["september"] = "september", ["oct"] = "october", ["october"] = "october", ["nov"] = "november", ["november"] = "november",
        ["dec"] = "december", ["december"] = "december",
        ["pct"] = "percent", ["percent"] = "percent", ["mln"] = "million", ["bln"] = "billion", ["bn"] = "billion", ["trln"] = "trillion",
    };

    /// <summary>
    /// The words a news form other than a number or a sign can begin with: most words begin none, and this one lookup
    /// says so instead of one per table (a third of the analyser's time on an upload's chunks).
    /// </summary>
    private static readonly HashSet<string> Starts = new(
        [.. Units.Keys, .. Tens.Keys, .. Ordinals.Keys, .. Words.Keys, "per", .. CountryNames.Canonical.Keys.Concat(CountryNames.Prefixes).Select(k => k.Split(' ')[0])],
        StringComparer.Ordinal);

    private static readonly HashSet<string> OrdinalSuffixes = new(StringComparer.Ordinal) { "st", "nd", "rd", "th" };

    /// <summary>
    /// The terms tokens <paramref name="at"/>.. stand for when they spell a news form, and how many tokens they
    /// take; 0 when they spell none.
    /// </summary>
    public static int Match(IReadOnlyList<TextAnalyzer.Token> tokens, int at, List<string> terms)
    {
        var token = tokens[at];
        var word = token.Text;
        if (!token.IsSymbol && !char.IsAsciiDigit(word[0]) && !Starts.Contains(word)) return 0;
        var next = at + 1 < tokens.Count ? tokens[at + 1].Text : null;

        if (Country(tokens, at, terms) is var countryWords and > 0) return countryWords;
        if (token.IsSymbol && word != "percent" && next is not null && char.IsAsciiDigit(next[0])) return Amount(tokens, at, terms);
        if (char.IsAsciiDigit(word[0]))
        {
            if (next is not null && OrdinalSuffixes.Contains(next) && tokens[at + 1].Joined)
            {
                // "Jan. 6th" is the date "Jan. 6"; "the 4th day" an ordinal.
                terms.Add(terms.Count > 0 && Months.Contains(terms[^1]) ? word : word + "th");
                return 2;
            }
            return 0;
        }
        if (Tens.TryGetValue(word, out var tens))
        {
            if (next is not null && Units.TryGetValue(next, out var unit) && unit is > 0 and < 10)
            {
                terms.Add((tens + unit).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return 2;
            }
            if (next is not null && Ordinals.TryGetValue(next, out var ordinal) && ordinal < 10)
            {
                terms.Add((tens + ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture) + "th");
                return 2;
            }
            terms.Add(tens.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return 1;
        }
        if (Units.TryGetValue(word, out var value))
        {
            terms.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return 1;
        }
        if (Ordinals.TryGetValue(word, out var nth))
        {
            terms.Add(nth.ToString(System.Globalization.CultureInfo.InvariantCulture) + "th");
            return 1;
        }
        if (word == "per" && next == "cent")
        {
            terms.Add("percent");
            return 2;
        }
        if (Words.TryGetValue(word, out var canonical))
        {
            terms.Add(canonical);
            return 1;
        }
        return 0;
    }

    private static readonly HashSet<string> Months = new(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> Scales = new(["million", "billion", "trillion", "mln", "bln", "trln", "bn"], StringComparer.Ordinal);

    /// <summary>
    /// "$100 million" as "100 million dollar", the order "100 million dollars" has: the sign goes after the
    /// amount (digits, a decimal part, a scale word), so both spellings share their term pairs too.
    /// </summary>
    private static int Amount(IReadOnlyList<TextAnalyzer.Token> tokens, int at, List<string> terms)
    {
        var i = at + 1;
        while (i < tokens.Count && i - at <= 2 && char.IsAsciiDigit(tokens[i].Text[0])) terms.Add(tokens[i++].Text);
        if (i < tokens.Count && Scales.Contains(tokens[i].Text))
        {
            var scale = tokens[i++].Text;
            terms.Add(Words.GetValueOrDefault(scale, scale));
        }
        terms.Add(tokens[at].Text);
        return i - at;
    }

    /// <summary>The longest run of tokens from <paramref name="at"/> naming a country; adds its canonical terms.</summary>
    private static int Country(IReadOnlyList<TextAnalyzer.Token> tokens, int at, List<string> terms)
    {
        var key = "";
        var found = 0;
        string? canonical = null;
        for (var length = 1; length <= CountryNames.MaxWords && at + length <= tokens.Count; length++)
        {
            var token = tokens[at + length - 1];
            key = length == 1 ? token.Text : key + " " + token.Text;
            if (!CountryNames.Canonical.TryGetValue(key, out var name))
            {
                if (!CountryNames.Prefixes.Contains(key)) break;
                continue;
            }
            // "us", "un": the country only in capitals or with dots, never the pronoun or the French article.
            if (length == 1 && key.Length <= 2 && !token.IsAcronym && !token.IsUpper) continue;
            (found, canonical) = (length, name);
        }
        if (canonical is null) return 0;
        terms.AddRange(CanonicalTerms(canonical));
        return found;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> CanonicalCache = new(StringComparer.Ordinal);

    /// <summary>"united states" indexes as "us" (its most common form in wire copy); any other name as its stemmed words.</summary>
    private static string[] CanonicalTerms(string canonical) => CanonicalCache.GetOrAdd(canonical, name => name switch
    {
        "united states" => ["us"],
        "united kingdom" => ["uk"],
        "european union" => ["eu"],
        "united nations" => ["un"],
        _ => name.Split(' ').Select(TextAnalyzer.Stem).ToArray(),
    });
}
