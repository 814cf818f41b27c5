using Bot.Core.Articles;
using Bot.Core.Chunking;

namespace Bot.Core.Retrieval;

/// <summary>A retrieved chunk with the article it belongs to and its rank score (higher is better).</summary>
public sealed record Passage(Chunk Chunk, ArticleSummary Article, double Score);
