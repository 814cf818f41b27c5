namespace Bot.Core.Retrieval;

/// <summary>Retrieval defaults (configuration section "Retrieval").</summary>
public sealed class RetrievalOptions
{
    /// <summary>Passages returned per question.</summary>
    public int Top { get; set; } = 8;

    /// <summary>At most this many passages of one article, so one article cannot crowd out the rest.</summary>
    public int MaxPerArticle { get; set; } = 2;

    /// <summary>Preferred mode; dense and hybrid fall back to lexical when no embedder is configured.</summary>
    public SearchMode Mode { get; set; } = SearchMode.Hybrid;
}
