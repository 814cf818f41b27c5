using System.Reflection;

namespace Bot.Core.Analysis;

/// <summary>
/// The country table (Data/countries.txt): every name, alias and demonym of a country, as the lower-cased words
/// of the analyser's tokens, mapped to the canonical name they all index as ("American" → "united states").
/// </summary>
public static class CountryNames
{
    /// <summary>Longest alias, in words ("united arab emirates").</summary>
    public static int MaxWords { get; }

    /// <summary>Alias words joined by one space → the canonical name.</summary>
    public static IReadOnlyDictionary<string, string> Canonical { get; }

    /// <summary>The forms that name a country (not its demonyms), which can stand for a place.</summary>
    public static IReadOnlySet<string> Names { get; }

    /// <summary>The first words of the aliases of more than one word ("north" of "north korea"): worth reading on.</summary>
    public static IReadOnlySet<string> Prefixes { get; }

    static CountryNames()
    {
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Bot.Core.Analysis.Data.countries.txt")
            ?? throw new InvalidOperationException("The country table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var (nouns, demonyms) = line.IndexOf(';') is var cut and >= 0 ? (line[..cut], line[(cut + 1)..]) : (line, "");
            var nameForms = nouns.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var form in nameForms)
            {
                canonical[Key(form)] = nameForms[0];
                names.Add(Key(form));
            }
            foreach (var form in demonyms.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                canonical[Key(form)] = nameForms[0];
        }
        Canonical = canonical;
        Names = names;
        Prefixes = canonical.Keys.SelectMany(k =>
        {
            var words = k.Split(' ');
            return Enumerable.Range(1, words.Length - 1).Select(n => string.Join(' ', words.Take(n)));
        }).ToHashSet(StringComparer.Ordinal);
        MaxWords = canonical.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    /// <summary>"u.s." → "us", "north korean" → "north korean": the form as the analyser's tokens spell it.</summary>
    private static string Key(string form) => string.Join(' ', TextAnalyzer.Tokenize(form).Select(t => t.Text));
}
