using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Lexical;
using Bot.Storage.Qdrant.Protocol;
using Bot.Storage.Qdrant.Reading;
using Bot.Storage.Qdrant.Setup;
using Bot.Storage.Qdrant.Transport;

namespace Bot.Storage.Qdrant.Searching;

/// <summary>
/// Search through Qdrant's Query API only: lexical = the sparse BM25 vector, dense = the dense vector,
/// hybrid = both as prefetches fused by reciprocal rank fusion. The per-article cap uses
/// <c>query/groups</c> grouped by article id (group size = the cap, as many groups as results
/// wanted); the constrained top-N always lies within the top-N groups, so flattening them by score
/// and cutting at N gives exactly the capped ranking.
/// </summary>
internal sealed class PassageSearch(QdrantTransport transport, QdrantOptions options)
{
    public async Task<IReadOnlyList<Passage>> SearchAsync(SearchQuery query, CollectionShape shape, CancellationToken ct)
    {
        if (query.Top <= 0) return [];
        var plan = Plan(query, shape);
        if (plan is null) return [];
        var (prefetch, main, vectorName) = plan.Value;
        var filter = FilterBuilder.ToFilter(FilterBuilder.Conditions(query.Filter));
        var capped = query.MaxPerArticle > 0 && query.MaxPerArticle < query.Top;
        // With prefetches the filter goes to each branch; fusion only reorders their candidates.
        var prefetches = prefetch?.Select(p => p with { Filter = filter }).ToList();
        var topFilter = prefetches is null ? filter : null;
        IEnumerable<ScoredPoint> hits;
        if (capped)
        {
            var groups = await transport.QueryGroupsAsync(options.Collection, new QueryGroupsRequest
            {
                Prefetch = prefetches,
                Query = main,
                Using = vectorName,
                Filter = topFilter,
                GroupBy = PayloadKeys.ArticleId,
                GroupSize = query.MaxPerArticle,
                Limit = query.Top,
                WithPayload = PayloadKeys.Passage,
            }, ct);
            hits = groups.SelectMany(g => g.Hits).OrderByDescending(h => h.Score).Take(query.Top);
        }
        else
        {
            hits = await transport.QueryAsync(options.Collection, new QueryRequest
            {
                Prefetch = prefetches,
                Query = main,
                Using = vectorName,
                Filter = topFilter,
                Limit = query.Top,
                WithPayload = PayloadKeys.Passage,
            }, ct);
        }
        return hits.Select(PayloadReader.Passage).ToList();
    }

    /// <summary>The branches to run; null when nothing can match (a lexical query without terms).</summary>
    private (List<Prefetch>? Prefetch, QueryExpression Main, string? Using)? Plan(SearchQuery query, CollectionShape shape)
    {
        var sparse = query.Mode == SearchMode.Dense ? null : Bm25SparseEncoder.EncodeQuery(query.Terms);
        VectorInput? dense = null;
        if (query.Mode != SearchMode.Lexical)
        {
            if (query.Vector is not { Length: > 0 } vector) // an empty vector is no vector
                throw new ArgumentException($"{query.Mode} search needs SearchQuery.Vector (the embedded question).", nameof(query));
            if (shape.DenseDimensions is not { } dims)
                throw new ArchiveException($"Qdrant collection '{options.Collection}' has no dense vectors (created without an embedding model): use lexical search.");
            if (vector.Length != dims)
                throw new ArchiveException($"The query vector has {vector.Length} dimensions; Qdrant collection '{options.Collection}' holds {dims}-d vectors.");
            dense = new VectorInput(vector, null);
        }
        var sparseInput = sparse is null ? null : new VectorInput(null, sparse);
        return (dense, sparseInput) switch
        {
            (null, null) => null,
            ({ } d, null) => (null, QueryExpression.NearestTo(d), VectorNames.Dense),
            (null, { } s) => (null, QueryExpression.NearestTo(s), VectorNames.Sparse),
            ({ } d, { } s) =>
            (
                [
                    new Prefetch { Query = QueryExpression.NearestTo(d), Using = VectorNames.Dense, Limit = CandidateCount(query) },
                    new Prefetch { Query = QueryExpression.NearestTo(s), Using = VectorNames.Sparse, Limit = CandidateCount(query) },
                ],
                QueryExpression.ReciprocalRankFusion,
                null
            ),
        };
    }

    private int CandidateCount(SearchQuery query) => Math.Max(options.PrefetchLimit, query.Top * Math.Max(1, query.MaxPerArticle) * 2);
}
