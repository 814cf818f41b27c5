namespace Bot.Core.Articles.Reading;

/// <summary>Reads one kind of file into drafts and problems. Never throws for bad content: it reports it.</summary>
public interface IArticleFormat
{
    /// <summary>File extensions handled, lower-case with the dot (".txt").</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Whether a file of this format holds one article, so a <c>NAME.meta.json</c> sidecar can describe it.</summary>
    bool HoldsOneArticle { get; }

    IAsyncEnumerable<ReadItem> ReadAsync(Stream content, string origin, CancellationToken cancellationToken);
}
