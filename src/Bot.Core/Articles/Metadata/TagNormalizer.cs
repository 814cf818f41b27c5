namespace Bot.Core.Articles.Metadata;

/// <summary>Tags as filters compare them: trimmed, inner whitespace collapsed, lower-case, distinct, sorted.</summary>
public static class TagNormalizer
{
    public static IReadOnlyList<string> Normalize(IEnumerable<string> tags) =>
        tags.Select(t => string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
