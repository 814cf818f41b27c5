using System.Reflection;

namespace Bot.Core.Analysis;

/// <summary>
/// Words news copy uses for one another (Data/related-words.txt: "ambush", "attack", "raid"; "locals",
/// "citizens"), as analysed terms. The extractive answerer counts a related word in a sentence as part of a
/// question word; the index never expands, so lexical retrieval stays exact.
/// </summary>
public static class RelatedWords
{
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Groups = Load();
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>The analysed terms related to <paramref name="term"/>, itself excluded.</summary>
    public static IReadOnlySet<string> Of(string term) => Groups.GetValueOrDefault(term, None);

    private static Dictionary<string, IReadOnlySet<string>> Load()
    {
        var related = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Bot.Core.Analysis.Data.related-words.txt")
            ?? throw new InvalidOperationException("The related-word table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var terms = line.Split('|').Select(w => TextAnalyzer.Terms(w)).Where(t => t.Count == 1).Select(t => t[0]).Distinct().ToList();
            foreach (var term in terms)
            {
                if (!related.TryGetValue(term, out var set)) related[term] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(terms.Where(t => t != term));
            }
        }
        return related.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }
}
