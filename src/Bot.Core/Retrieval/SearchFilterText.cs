using Bot.Core.Articles.Metadata;

namespace Bot.Core.Retrieval;

/// <summary>Builds a <see cref="SearchFilter"/> from what users type (CLI options, query strings, form fields).</summary>
public static class SearchFilterText
{
    /// <summary>
    /// Dates accept every format the article reader does ("2017-11-01", "November 1, 2017"...); a plain
    /// <paramref name="to"/> date includes that whole day. Throws <see cref="ArgumentException"/> naming the bad value.
    /// </summary>
    public static SearchFilter Parse(string? from, string? to, string? source, IEnumerable<string>? tags) => new()
    {
        From = Date(from, "from"),
        To = Date(to, "to")?.AddDays(1).AddTicks(-1),
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
        Tags = (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList(),
    };

    private static DateTimeOffset? Date(string? value, string name) => string.IsNullOrWhiteSpace(value)
        ? null
        : PublishedDateParser.Parse(value) ?? throw new ArgumentException($"'{name}' is not a date: '{value}' (try 2017-11-01).");
}
