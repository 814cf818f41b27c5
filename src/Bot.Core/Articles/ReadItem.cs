namespace Bot.Core.Articles;

/// <summary>One thing a reader found: an <see cref="ArticleDraft"/> or a <see cref="ReadProblem"/>.</summary>
/// <param name="Origin">The file path or URL it came from.</param>
/// <param name="Row">1-based row, line or item number when the origin holds many articles; null when it holds one.</param>
public abstract record ReadItem(string Origin, int? Row)
{
    /// <summary>"file.csv row 12" or "file.txt": where to look.</summary>
    public string Location => Row is { } row ? $"{Origin} {RowNoun} {row}" : Origin;

    private string RowNoun => Path.GetExtension(Origin).ToLowerInvariant() switch
    {
        ".jsonl" => "line",
        ".json" => "item",
        _ => "row",
    };
}

/// <summary>An article's fields exactly as read, before repair, metadata extraction and identity.</summary>
public sealed record ArticleDraft(string Origin, int? Row, string Text) : ReadItem(Origin, Row)
{
    public string? Title { get; init; }
    /// <summary>The date as written ("November 9, 2016 ", "2017-11-01T10:00:00Z"); parsed by the normalizer.</summary>
    public string? PublishedRaw { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public string? Author { get; init; }
    /// <summary>Tags, keywords, category and subject values as found; the normalizer lower-cases and dedupes them.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>
    /// Where each page begins in <see cref="Text"/> (page 1 at 0), for paged documents such as PDFs; empty for
    /// the rest. The normalizer keeps the pages apart so every chunk knows its page.
    /// </summary>
    public IReadOnlyList<int> PageStarts { get; init; } = [];

    public bool HasText => !string.IsNullOrWhiteSpace(Text);
}

/// <summary>Something that could not be read as an article; reading goes on with the rest.</summary>
public sealed record ReadProblem(string Origin, int? Row, string Reason) : ReadItem(Origin, Row)
{
    public override string ToString() => $"{Location}: {Reason}";
}
