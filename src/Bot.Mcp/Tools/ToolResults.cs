using Bot.Core.Articles;
using Bot.Core.Retrieval;

namespace Bot.Mcp.Tools;

/// <summary>search_archive's answer: the passages best first, each with what a citation needs.</summary>
public sealed record SearchResult(string Mode, string? Notice, IReadOnlyList<FoundPassage> Passages);

/// <summary>A passage: its article, the chunk and its character range in the article text, and its text.</summary>
public sealed record FoundPassage(
    int Rank, string ArticleId, string Title, DateTimeOffset? Published, string? Source, string? Url,
    string ChunkId, int Start, int End, double Score, string Text)
{
    public static FoundPassage Of(int rank, Passage passage) => new(
        rank, passage.Article.Id, passage.Article.Title, passage.Article.Published, passage.Article.Source, passage.Article.Url,
        passage.Chunk.Id, passage.Chunk.Start, passage.Chunk.End, passage.Score, passage.Chunk.Text);
}

/// <summary>list_sources' answer.</summary>
public sealed record SourceList(int Total, IReadOnlyList<ArchiveSource> Sources);

/// <summary>The resource URI of an article.</summary>
public static class ArticleUri
{
    public const string Template = "article://{id}";

    public static string For(Article article) => "article://" + Uri.EscapeDataString(article.Id);
}
