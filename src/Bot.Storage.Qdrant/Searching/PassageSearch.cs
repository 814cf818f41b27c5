using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Lexical;
using Bot.Storage.Qdrant.Protocol;
using Bot.Storage.Qdrant.Reading;
using Bot.Storage.Qdrant.Setup;
using Bot.Storage.Qdrant.Transport;

namespace Bot.Storage.Qdrant.Searching;

/// <summary>
/// Search through Qdrant's Query API only: lexical = the sparse BM25 vector, dense = the dense vector,
/// hybrid = both, fused as <see cref="QdrantOptions.HybridFusion"/> says:
/// <list type="bullet">
/// <item>score: one <c>query/batch</c> request with both queries, fused client-side like the embedded store
/// (<see cref="RankFusion.Convex"/>, then <see cref="PerArticleCap"/>);</item>
/// <item>rrf: both as prefetches fused by reciprocal rank fusion on the server.</item>
/// </list>
/// Server-side, the per-article cap uses <c>query/groups</c> grouped by article id (group size = the cap,
/// as many groups as results wanted); the constrained top-N always lies within the top-N groups, so
/// flattening them by score and cutting at N gives exactly the capped ranking.
/// </summary>
internal sealed class PassageSearch(QdrantTransport transport, QdrantOptions options)
{
    public async Task<IReadOnlyList<Passage>> SearchAsync(SearchQuery query, CollectionShape shape, CancellationToken ct)
    {
        if (query.Top <= 0) return [];
        var (dense, sparse) = Vectors(query, shape);
        var filter = FilterBuilder.ToFilter(FilterBuilder.Conditions(query.Filter));
        if (query.Mode == SearchMode.Hybrid && options.HybridFusion == QdrantHybridFusion.Score)
            return await FuseScoresAsync(query, dense!, sparse, filter, ct);
        return (dense, sparse) switch
        {
            (null, null) => [],
            ({ } d, null) => await ServerSideAsync(query, null, QueryExpression.NearestTo(d), VectorNames.Dense, filter, ct),
            (null, { } s) => await ServerSideAsync(query, null, QueryExpression.NearestTo(s), VectorNames.Sparse, filter, ct),
            ({ } d, { } s) => await ServerSideAsync(query,
                // With prefetches the filter goes to each branch; fusion only reorders their candidates.
                [Nearest(d, VectorNames.Dense, query, filter), Nearest(s, VectorNames.Sparse, query, filter)],
                QueryExpression.ReciprocalRankFusion, null, null, ct),
        };
    }

    /// <summary>
    /// Both candidate lists in one round trip, fused and capped here (a query without terms fuses the dense list
    /// alone); then the winners' passages in a second. Candidates carry only their article id, since most of
    /// them lose: fetching every candidate's text made parsing several times the cost of everything else.
    /// </summary>
    private async Task<IReadOnlyList<Passage>> FuseScoresAsync(SearchQuery query, VectorInput dense, VectorInput? sparse, Filter? filter, CancellationToken ct)
    {
        var searches = new List<QueryRequest>();
        if (sparse is not null) searches.Add(Request(Nearest(sparse, VectorNames.Sparse, query, filter), PayloadKeys.Candidate));
        searches.Add(Request(Nearest(dense, VectorNames.Dense, query, filter), PayloadKeys.Candidate));
        var results = await transport.QueryCandidatesAsync(options.Collection, searches, ct);
        var lexical = sparse is null ? [] : results[0];
        var semantic = results[^1];

        var articleOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var point in lexical.Concat(semantic)) articleOf.TryAdd(point.Id, PayloadReader.ArticleId(point.ArticleId));
        var winners = PerArticleCap.Apply(RankFusion.Convex(Scores(lexical), Scores(semantic), options.DenseWeight),
            f => articleOf[f.Key], query.MaxPerArticle, query.Top);
        if (winners.Count == 0) return [];

        var records = await transport.RetrieveAsync(options.Collection, [.. winners.Select(w => w.Key)], PayloadKeys.Passage, ct);
        var payloads = records.ToDictionary(r => r.Id, r => r.Payload, StringComparer.Ordinal);
        // A winner deleted between the two requests is left out rather than failing the search.
        return [.. winners.Where(w => payloads.ContainsKey(w.Key)).Select(w => PayloadReader.Passage(payloads[w.Key], w.Score))];
    }

    private static List<(string Key, double Score)> Scores(IReadOnlyList<Candidate> points) =>
        points.Select(p => (p.Id, p.Score)).ToList();

    private async Task<IReadOnlyList<Passage>> ServerSideAsync(SearchQuery query, IReadOnlyList<Prefetch>? prefetch,
        QueryExpression main, string? vectorName, Filter? filter, CancellationToken ct)
    {
        var topFilter = prefetch is null ? filter : null;
        IEnumerable<ScoredPoint> hits;
        if (query.MaxPerArticle > 0 && query.MaxPerArticle < query.Top)
        {
            var groups = await transport.QueryGroupsAsync(options.Collection, new QueryGroupsRequest
            {
                Prefetch = prefetch,
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
                Prefetch = prefetch,
                Query = main,
                Using = vectorName,
                Filter = topFilter,
                Limit = query.Top,
                WithPayload = PayloadKeys.Passage,
            }, ct);
        }
        return hits.Select(h => PayloadReader.Passage(h.Payload, h.Score)).ToList();
    }

    /// <summary>The query's dense and sparse vectors, each null when the mode does not use it or (sparse) it has no terms.</summary>
    private (VectorInput? Dense, VectorInput? Sparse) Vectors(SearchQuery query, CollectionShape shape)
    {
        var sparse = query.Mode == SearchMode.Dense ? null : Bm25SparseEncoder.EncodeQuery(query.Terms);
        if (query.Mode == SearchMode.Lexical) return (null, sparse is null ? null : new VectorInput(null, sparse));
        if (query.Vector is not { Length: > 0 } vector) // an empty vector is no vector
            throw new ArgumentException($"{query.Mode} search needs SearchQuery.Vector (the embedded question).", nameof(query));
        if (shape.DenseDimensions is not { } dims)
            throw new ArchiveException($"Qdrant collection '{options.Collection}' has no dense vectors (created without an embedding model): use lexical search.");
        if (vector.Length != dims)
            throw new ArchiveException($"The query vector has {vector.Length} dimensions; Qdrant collection '{options.Collection}' holds {dims}-d vectors.");
        return (new VectorInput(vector, null), sparse is null ? null : new VectorInput(null, sparse));
    }

    private Prefetch Nearest(VectorInput vector, string vectorName, SearchQuery query, Filter? filter) => new()
    {
        Query = QueryExpression.NearestTo(vector),
        Using = vectorName,
        Filter = filter,
        Limit = CandidateCount(query),
    };

    private static QueryRequest Request(Prefetch branch, IReadOnlyList<string> withPayload) => new()
    {
        Query = branch.Query,
        Using = branch.Using,
        Filter = branch.Filter,
        Limit = branch.Limit,
        WithPayload = withPayload,
    };

    /// <summary>The embedded store's candidate count, so min-max normalisation sees the same candidates.</summary>
    private int CandidateCount(SearchQuery query) => Math.Max(options.PrefetchLimit, query.Top * Math.Max(1, query.MaxPerArticle) * 3);
}
