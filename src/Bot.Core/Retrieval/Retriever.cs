using Bot.Core.Analysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Bot.Core.Retrieval;

/// <summary>
/// Turns a question into a store query: analysed terms for BM25 and, when an embedder is configured, the
/// query vector for dense and hybrid search. Without an embedder, retrieval is lexical and says so.
/// </summary>
public sealed class Retriever(IArchiveStore store, IOptions<RetrievalOptions> options, IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
{
    public const string LexicalOnlyNotice =
        "Dense retrieval is off: no embedding model is configured (set Embeddings:ModelPath or BOT_EMBEDDINGS_MODEL); results are lexical (BM25).";

    public bool HasEmbedder => embedder is not null;

    public async Task<RetrievalResult> RetrieveAsync(string question, SearchFilter? filter = null, int? top = null,
        SearchMode? mode = null, CancellationToken cancellationToken = default)
    {
        var wanted = mode ?? options.Value.Mode;
        var used = embedder is null ? SearchMode.Lexical : wanted;
        ReadOnlyMemory<float>? vector = null;
        if (used != SearchMode.Lexical && !string.IsNullOrWhiteSpace(question))
            vector = (await embedder!.GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector;
        else if (used != SearchMode.Lexical)
            used = SearchMode.Lexical;

        var passages = await store.SearchAsync(Query(question, vector, used, filter, top), cancellationToken);
        var notice = used != wanted && embedder is null ? LexicalOnlyNotice : null;
        return new RetrievalResult(passages, used, notice);
    }

    /// <summary>The store query for a question whose vector (if the mode needs one) is already computed.</summary>
    public SearchQuery Query(string question, ReadOnlyMemory<float>? vector, SearchMode mode, SearchFilter? filter = null, int? top = null) => new()
    {
        Text = question,
        Terms = TextAnalyzer.Terms(question),
        Vector = vector,
        Mode = mode,
        Filter = filter ?? SearchFilter.None,
        Top = top ?? options.Value.Top,
        MaxPerArticle = options.Value.MaxPerArticle,
    };
}
