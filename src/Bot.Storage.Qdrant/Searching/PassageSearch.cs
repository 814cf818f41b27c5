using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Connection;
using Bot.Storage.Qdrant.Lexical;
using Bot.Storage.Qdrant.Reading;
using Bot.Storage.Qdrant.Setup;
using Bot.Storage.Qdrant.Writing;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Searching;

/// <summary>
/// Search through Qdrant's Query API only: lexical = the sparse BM25 vector, dense = the dense vector,
/// hybrid = both, fused as <see cref="QdrantOptions.HybridFusion"/> says:
/// <list type="bullet">
/// <item>score: one <c>QueryBatch</c> call with both queries, fused client-side like the embedded store
/// (<see cref="RankFusion.Convex"/>, then <see cref="PerArticleCap"/> on the winners' passages);</item>
/// <item>rrf: both as prefetches fused by reciprocal rank fusion on the server.</item>
/// </list>
/// Server-side, the per-article cap uses <c>QueryGroups</c> grouped by article id (group size = the cap,
/// as many groups as results wanted); the constrained top-N always lies within the top-N groups, so
/// flattening them by score and cutting at N gives exactly the capped ranking.
/// </summary>
internal sealed class PassageSearch(QdrantCalls calls, QdrantOptions options)
{
    public async Task<IReadOnlyList<Passage>> SearchAsync(SearchQuery query, CollectionShape shape, CancellationToken ct)
    {
        if (query.Top <= 0) return [];
        var (dense, sparse) = Vectors(query, shape);
        var filter = FilterBuilder.OrNull(FilterBuilder.Conditions(query.Filter));
        if (query.Mode == SearchMode.Hybrid && options.HybridFusion == QdrantHybridFusion.Score)
            return await FuseScoresAsync(query, dense!, sparse, filter, ct);
        return (dense, sparse) switch
        {
            (null, null) => [],
            ({ } d, null) => await ServerSideAsync(query, [], d, VectorNames.Dense, filter, ct),
            (null, { } s) => await ServerSideAsync(query, [], s, VectorNames.Sparse, filter, ct),
            // With prefetches the filter goes to each branch; fusion only reorders their candidates.
            ({ } d, { } s) => await ServerSideAsync(query,
                [Prefetch(d, VectorNames.Dense, query, filter), Prefetch(s, VectorNames.Sparse, query, filter)],
                new Query { Fusion = Fusion.Rrf }, null, null, ct),
        };
    }

    /// <summary>
    /// Both candidate lists in one round trip, fused here (a query without terms fuses the dense list alone), then the
    /// winners' passages (<see cref="PassagesAsync"/>). Candidates carry no payload, since most of them lose: their
    /// payload would multiply what travels and what is parsed, and the cap reads each winner's article from its passage.
    /// </summary>
    private async Task<IReadOnlyList<Passage>> FuseScoresAsync(SearchQuery query, Query dense, Query? sparse, Filter? filter, CancellationToken ct)
    {
        var searches = new List<QueryPoints>();
        if (sparse is not null) searches.Add(Candidates(sparse, VectorNames.Sparse, query, filter));
        searches.Add(Candidates(dense, VectorNames.Dense, query, filter));
        var results = await calls.RunAsync("search", (c, t) => c.QueryBatchAsync(options.Collection, searches, cancellationToken: t), ct);
        if (results.Count != searches.Count)
            throw new ArchiveException($"Qdrant at {options.Url} gave an unexpected answer to a search: {results.Count} results for {searches.Count} queries.");
        var lexical = sparse is null ? [] : Scores(results[0].Result);
        return await PassagesAsync(RankFusion.Convex(lexical, Scores(results[^1].Result), options.DenseWeight), query, ct);
    }

    /// <summary>
    /// The passages of the best of <paramref name="ranked"/>, in order, up to top and at most MaxPerArticle from one article.
    /// The first read asks for as many as wanted; only when the cap sets some aside (or a point was deleted since the
    /// search) does a further one follow, asking for twice the shortfall, doubling with each further read, so reads stay few.
    /// </summary>
    private async Task<IReadOnlyList<Passage>> PassagesAsync(List<(string Key, double Score)> ranked, SearchQuery query, CancellationToken ct)
    {
        var read = new List<Passage>(query.Top);
        List<Passage> kept = [];
        for (var (next, round) = (0, 0); kept.Count < query.Top && next < ranked.Count; round++)
        {
            var end = (int)Math.Min(ranked.Count, next + ((long)(query.Top - kept.Count) << round));
            var ids = new List<PointId>(end - next);
            for (var i = next; i < end; i++) ids.Add(PointIds.Of(ranked[i].Key));
            var records = await calls.RunAsync("read passages", (c, t) => c.RetrieveAsync(options.Collection, ids, PayloadKeys.Passage, false, cancellationToken: t), ct);
            var payloads = records.ToDictionary(r => PointIds.Text(r.Id), r => r.Payload, StringComparer.Ordinal);
            // A winner deleted since the search is left out rather than failing it.
            for (; next < end; next++)
                if (payloads.TryGetValue(ranked[next].Key, out var payload)) read.Add(PayloadReader.Passage(payload, ranked[next].Score));
            kept = PerArticleCap.Apply(read, p => p.Article.Id, query.MaxPerArticle, query.Top);
        }
        return kept;
    }

    private static List<(string Key, double Score)> Scores(IEnumerable<ScoredPoint> points) => [.. points.Select(p => (PointIds.Text(p.Id), (double)p.Score))];

    private async Task<IReadOnlyList<Passage>> ServerSideAsync(SearchQuery query, IReadOnlyList<PrefetchQuery> prefetch,
        Query main, string? vectorName, Filter? filter, CancellationToken ct)
    {
        var topFilter = prefetch.Count == 0 ? filter : null;
        if (query.MaxPerArticle > 0 && query.MaxPerArticle < query.Top)
        {
            // Hits without payload: the groups are the cap, and only the best top of their hits need passages.
            var groups = await calls.RunAsync("search", (c, t) => c.QueryGroupsAsync(options.Collection, PayloadKeys.ArticleId, main,
                prefetch, vectorName, topFilter, limit: (ulong)query.Top, groupSize: (ulong)query.MaxPerArticle,
                payloadSelector: false, cancellationToken: t), ct);
            return await PassagesAsync(Scores(groups.SelectMany(g => g.Hits).OrderByDescending(h => h.Score)), query, ct);
        }
        var found = await calls.RunAsync("search", (c, t) => c.QueryAsync(options.Collection, main, prefetch, vectorName, topFilter,
            limit: (ulong)query.Top, payloadSelector: PayloadKeys.Passage, cancellationToken: t), ct);
        return [.. found.Select(h => PayloadReader.Passage(h.Payload, h.Score))];
    }

    /// <summary>The query's dense and sparse vectors, each null when the mode does not use it or (sparse) it has no terms.</summary>
    private (Query? Dense, Query? Sparse) Vectors(SearchQuery query, CollectionShape shape)
    {
        var terms = query.Mode == SearchMode.Dense ? null : Bm25SparseEncoder.EncodeQuery(query.Terms);
        var sparse = terms is null ? null : new Query { Nearest = new VectorInput { Sparse = PointFactory.Sparse(terms).Sparse } };
        if (query.Mode == SearchMode.Lexical) return (null, sparse);
        if (query.Vector is not { Length: > 0 } vector) // an empty vector is no vector
            throw new ArgumentException($"{query.Mode} search needs SearchQuery.Vector (the embedded question).", nameof(query));
        if (shape.DenseDimensions is not { } dims)
            throw new ArchiveException($"Qdrant collection '{options.Collection}' has no dense vectors (created without an embedding model): use lexical search.");
        if (vector.Length != dims)
            throw new ArchiveException($"The query vector has {vector.Length} dimensions; Qdrant collection '{options.Collection}' holds {dims}-d vectors.");
        // A multivector of one: the collection's dense vector is a max_sim multivector.
        var dense = new Query { Nearest = new VectorInput { MultiDense = new MultiDenseVector { Vectors = { PointFactory.Dense(vector) } } } };
        return (dense, sparse);
    }

    private PrefetchQuery Prefetch(Query vector, string vectorName, SearchQuery query, Filter? filter)
    {
        var prefetch = new PrefetchQuery { Query = vector, Using = vectorName, Limit = CandidateCount(query) };
        if (filter is not null) prefetch.Filter = filter;
        return prefetch;
    }

    private QueryPoints Candidates(Query vector, string vectorName, SearchQuery query, Filter? filter)
    {
        var request = new QueryPoints { CollectionName = options.Collection, Query = vector, Using = vectorName, Limit = CandidateCount(query), WithPayload = false };
        if (filter is not null) request.Filter = filter;
        return request;
    }

    /// <summary>The embedded store's candidate count, so min-max normalisation sees the same candidates.</summary>
    private ulong CandidateCount(SearchQuery query) => (ulong)Math.Max(options.PrefetchLimit, query.Top * Math.Max(1, query.MaxPerArticle) * 3);
}
