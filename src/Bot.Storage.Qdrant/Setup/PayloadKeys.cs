namespace Bot.Storage.Qdrant.Setup;

/// <summary>The three kinds of point that share the collection (see <see cref="Writing.PointFactory"/>).</summary>
internal static class PointKinds
{
    public const string Article = "article";
    public const string Chunk = "chunk";
    public const string Space = "space";
}

/// <summary>The collection's two named vectors: the sentence multivector and the BM25 sparse vector.</summary>
internal static class VectorNames
{
    public const string Dense = "dense";
    public const string Sparse = "bm25";
}

/// <summary>Payload keys as stored; members that do not apply to a point's kind are left out.</summary>
internal static class PayloadKeys
{
    public const string Kind = "kind";
    public const string ArticleId = "article_id";
    public const string Title = "title";
    /// <summary>RFC 3339 text (ISO 8601 with offset), which Qdrant's datetime index parses.</summary>
    public const string Published = "published";
    public const string Source = "source";
    /// <summary>Lower-cased source: keyword indexes match exactly, filters ignore case.</summary>
    public const string SourceKey = "source_key";
    public const string Url = "url";
    public const string Tags = "tags";
    public const string Author = "author";
    public const string Place = "place";
    public const string Fingerprint = "fingerprint";
    public const string ChunkCount = "chunk_count";
    public const string ChunkId = "chunk_id";
    public const string Ordinal = "ordinal";
    public const string Start = "start";
    public const string End = "end";
    /// <summary>
    /// The chunk's text on chunk points. On article points, the full text only where the chunks cannot give it back
    /// (and on points written before <see cref="TextGaps"/>); see <see cref="ArticleText"/>.
    /// </summary>
    public const string Text = "text";
    /// <summary>On article points: the text's length in UTF-16 characters, and the stretches no chunk covers ({start, text} objects).</summary>
    public const string TextLength = "text_length";
    public const string TextGaps = "text_gaps";
    public const string Context = "context";
    /// <summary>The page a PDF chunk comes from (1-based); absent for other chunks.</summary>
    public const string Page = "page";
    /// <summary>On article points of paged documents (PDF): where each page begins in the text; absent otherwise.</summary>
    public const string PageStarts = "page_starts";
    public const string ModelId = "model_id";
    public const string Dimensions = "dimensions";

    /// <summary>What an <see cref="Bot.Core.Articles.ArticleSummary"/> needs.</summary>
    public static readonly string[] Summary = [ArticleId, Title, Published, Source, Url, Tags, ChunkCount];

    /// <summary>What a <see cref="Bot.Core.Retrieval.Passage"/> needs: the summary plus the chunk.</summary>
    public static readonly string[] Passage = [.. Summary, ChunkId, Ordinal, Start, End, Text, Context, Page];

    /// <summary>What an <see cref="Bot.Core.Articles.Article"/> needs.</summary>
    public static readonly string[] Article = [ArticleId, Title, Text, TextLength, TextGaps, Published, Source, Url, Author, Place, Tags, PageStarts, Fingerprint];

    /// <summary>What putting an article's text back together needs of its chunks.</summary>
    public static readonly string[] ChunkText = [Start, Text];
}
