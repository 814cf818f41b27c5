using System.Reflection;
using Bot.Core.Analysis;

namespace Bot.Core.Answering.Spans;

/// <summary>
/// Known place names: the country table's names (Analysis/Data/countries.txt; its demonyms are no places) and the cities,
/// states and regions of Analysis/Data/places.txt, compared lower-cased with apostrophes and dots dropped.
/// </summary>
public static class Gazetteer
{
    private static readonly HashSet<string> Places = Load();

    /// <summary>Whether <paramref name="name"/> ("Mexico City", "NIAMEY", "U.S.") is a known place or country.</summary>
    public static bool IsPlace(string name) => Places.Contains(Key(name));

    /// <summary>Whether <paramref name="name"/> names a country ("Niger", "the U.S."), not a demonym.</summary>
    public static bool IsCountry(string name) => CountryNames.Names.Contains(Key(name));

    /// <summary>Whether <paramref name="name"/> is a country's name or demonym ("Nigerien").</summary>
    public static bool IsCountryOrDemonym(string name) => CountryNames.Canonical.ContainsKey(Key(name));

    private static string Key(string name) => string.Join(' ', TextAnalyzer.Tokenize(name).Select(t => t.Text));

    private static HashSet<string> Load()
    {
        var places = new HashSet<string>(CountryNames.Names, StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Bot.Core.Analysis.Data.places.txt")
            ?? throw new InvalidOperationException("The place table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') places.Add(Key(line.Trim()));
        return places;
    }
}
