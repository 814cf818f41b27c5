using System.Text.RegularExpressions;

namespace Bot.Core.Sources;

/// <summary>
/// A source's include and exclude patterns, matched without case against an item's URL (a folder's: its path
/// relative to the folder): '*' stands for any characters and '?' for one; a pattern without either matches
/// anywhere in the value ("/world/" keeps every URL with that path segment).
/// </summary>
public static class ItemPatterns
{
    public static bool Allows(SourceDefinition source, string value) =>
        (source.Include.Count == 0 || source.Include.Any(p => Matches(p, value)))
        && !source.Exclude.Any(p => Matches(p, value));

    public static bool Matches(string pattern, string value)
    {
        if (pattern.IndexOfAny(['*', '?']) < 0) return value.Contains(pattern, StringComparison.OrdinalIgnoreCase);
        var regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
