namespace Bot.Core.Retrieval;

/// <summary>Restricts which articles' passages may be returned. Null or empty members do not restrict.</summary>
public sealed record SearchFilter
{
    public static readonly SearchFilter None = new();

    /// <summary>Inclusive lower bound on the published date.</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Inclusive upper bound on the published date.</summary>
    public DateTimeOffset? To { get; init; }
    /// <summary>Source, compared case-insensitively ("Reuters").</summary>
    public string? Source { get; init; }
    /// <summary>An article passes when it has any of these tags (lower-case).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Only these articles, when set.</summary>
    public IReadOnlyList<string> ArticleIds { get; init; } = [];

    public bool IsEmpty => From is null && To is null && string.IsNullOrEmpty(Source) && Tags.Count == 0 && ArticleIds.Count == 0;

    /// <summary>The same predicate every store implements, for stores that filter in memory and for tests.</summary>
    public bool Matches(Articles.ArticleSummary article)
    {
        if (From is { } from && (article.Published is null || article.Published < from)) return false;
        if (To is { } to && (article.Published is null || article.Published > to)) return false;
        if (!string.IsNullOrEmpty(Source) && !string.Equals(article.Source, Source, StringComparison.OrdinalIgnoreCase)) return false;
        if (Tags.Count > 0 && !Tags.Any(t => article.Tags.Contains(t, StringComparer.OrdinalIgnoreCase))) return false;
        if (ArticleIds.Count > 0 && !ArticleIds.Contains(article.Id)) return false;
        return true;
    }
}
