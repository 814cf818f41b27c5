namespace Bot.Storage.Qdrant;

/// <summary>How a hybrid query fuses the dense and the lexical (BM25) ranking.</summary>
public enum QdrantHybridFusion
{
    /// <summary>
    /// Client-side score fusion, as the embedded store does (<see cref="Core.Retrieval.RankFusion.Convex"/>): one
    /// <c>query/batch</c> request brings both candidate lists with their payloads, the client mixes their min-max
    /// normalised scores and applies the per-article cap. Same ranking as the embedded store; more payload over
    /// the wire (both lists, not only the top).
    /// </summary>
    Score,

    /// <summary>
    /// Server-side reciprocal rank fusion of two prefetches in one Query API request (grouped by article for
    /// the cap). Only the final top travels, but ranks ignore how far apart scores are, which ranks worse than
    /// BM25 alone with a weak encoder (SQuAD-half recall@1 in the embedded store: 0.826 for the best RRF against
    /// 0.855 for score fusion).
    /// </summary>
    Rrf,
}
