namespace Bot.Core.Chunking;

/// <summary>
/// A run of whole sentences of one article. <see cref="Text"/> is exactly
/// <c>article.Text[Start..End]</c>, so a quote inside it can be located in the article.
/// </summary>
public sealed record Chunk(string Id, string ArticleId, int Ordinal, int Start, int End, string Text)
{
    /// <summary>Title and date line indexed with the chunk so retrieval knows what the chunk is about.</summary>
    public string Context { get; init; } = "";

    /// <summary>The 1-based page of a paged document (PDF) the chunk lies on; null for other articles.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? Page { get; init; }

    /// <summary>The text handed to the lexical index and the embedder.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string IndexText => Context.Length == 0 ? Text : Context + "\n" + Text;

    public static string MakeId(string articleId, int ordinal) => $"{articleId}-{ordinal:D3}";
}
