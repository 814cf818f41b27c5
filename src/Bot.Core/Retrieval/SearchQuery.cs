namespace Bot.Core.Retrieval;

public enum SearchMode { Lexical, Dense, Hybrid }

/// <summary>
/// What a store is asked for. The core analyses the text (<see cref="Terms"/>) and embeds it
/// (<see cref="Vector"/>) so every store ranks with the same terms and the same vectors.
/// </summary>
public sealed record SearchQuery
{
    public required string Text { get; init; }
    /// <summary>Analysed query terms (lower-case, stemmed, no stop words), as <see cref="Analysis.TextAnalyzer"/> produces them.</summary>
    public required IReadOnlyList<string> Terms { get; init; }
    /// <summary>The query embedding; required for <see cref="SearchMode.Dense"/> and <see cref="SearchMode.Hybrid"/>.</summary>
    public ReadOnlyMemory<float>? Vector { get; init; }
    public SearchMode Mode { get; init; } = SearchMode.Lexical;
    public SearchFilter Filter { get; init; } = SearchFilter.None;
    public int Top { get; init; } = 10;
    /// <summary>At most this many passages of one article in the results, so one article cannot crowd out the rest.</summary>
    public int MaxPerArticle { get; init; } = 2;
}
