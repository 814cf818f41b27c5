using Qdrant.Client.Grpc;

namespace Bot.Testing.Qdrant;

/// <summary>
/// The Query API's scoring as the store relies on it, from Qdrant's documented behaviour (and, for RRF, its source):
/// dense vectors by cosine, a multivector by max_sim (for each query vector its best match among the point's, summed),
/// sparse vectors by dot product over shared dimensions, each weighted by its IDF when the sparse vector has the
/// <c>idf</c> modifier; prefetches fused by reciprocal rank fusion, 1 / (rank + k) with k = 2 and ranks from 1.
/// Ties go by point id, so results are stable.
/// </summary>
internal static class FakeRanking
{
    private const int RrfK = 2;

    public static IReadOnlyList<(FakePoint Point, double Score)> Rank(FakeCollection collection, IReadOnlyList<PrefetchQuery> prefetch,
        Query? query, string? vectorName, Filter? filter)
    {
        var candidates = collection.Points.Where(p => FakeFilter.Matches(filter, p)).ToList();
        if (prefetch.Count > 0)
        {
            if (query?.VariantCase != Query.VariantOneofCase.Fusion || query.Fusion != Fusion.Rrf)
                throw FakeFilter.Refused("prefetches fused other than by rrf");
            var allowed = candidates.Select(p => p.Id).ToHashSet();
            var branches = prefetch.Select(p => Rank(collection, [.. p.Prefetch], p.Query, p.HasUsing ? p.Using : null, p.Filter)
                .Take(p.HasLimit ? (int)p.Limit : 10).ToList());
            return Sorted(branches.SelectMany(b => b.Select((hit, rank) => (hit.Point, Score: 1.0 / (rank + RrfK))))
                .Where(h => allowed.Contains(h.Point.Id))
                .GroupBy(h => h.Point.Id)
                .Select(g => (g.First().Point, g.Sum(h => h.Score))));
        }
        if (query?.VariantCase != Query.VariantOneofCase.Nearest) throw FakeFilter.Refused($"query {query?.VariantCase}");
        var name = vectorName ?? "";
        var input = query.Nearest;
        return input.VariantCase switch
        {
            VectorInput.VariantOneofCase.Dense when collection.DenseConfig.ContainsKey(name) =>
                Sorted(MaxSim(candidates, name, [input.Dense.Data.ToArray()])),
            VectorInput.VariantOneofCase.MultiDense when collection.DenseConfig.ContainsKey(name) =>
                Sorted(MaxSim(candidates, name, [.. input.MultiDense.Vectors.Select(v => v.Data.ToArray())])),
            VectorInput.VariantOneofCase.Sparse when collection.SparseConfig.ContainsKey(name) =>
                Sorted(SparseDot(collection, candidates, name, input.Sparse)),
            _ => throw FakeFilter.Refused($"a {input.VariantCase} query on vector '{name}'"),
        };
    }

    private static List<(FakePoint, double)> Sorted(IEnumerable<(FakePoint Point, double Score)> hits) =>
        [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.Point, Comparer<FakePoint>.Create(FakePoint.Compare))];

    private static IEnumerable<(FakePoint, double)> MaxSim(IEnumerable<FakePoint> candidates, string name, float[][] query)
    {
        foreach (var point in candidates)
            if (point.Dense.TryGetValue(name, out var rows))
                yield return (point, query.Sum(q => rows.Max(r => Cosine(q, r))));
    }

    private static double Cosine(float[] a, float[] b)
    {
        var dot = a.Zip(b).Sum(p => (double)p.First * p.Second);
        var norm = Math.Sqrt(a.Sum(x => (double)x * x)) * Math.Sqrt(b.Sum(x => (double)x * x));
        return norm == 0 ? 0 : dot / norm;
    }

    /// <summary>IDF as Qdrant computes it: ln(1 + (N − n + 0.5) / (n + 0.5)) over the points holding the sparse vector.</summary>
    private static IEnumerable<(FakePoint, double)> SparseDot(FakeCollection collection, IEnumerable<FakePoint> candidates, string name, SparseVector query)
    {
        var idf = collection.SparseConfig[name].Modifier == Modifier.Idf;
        var holders = collection.Points.Where(p => p.Sparse.ContainsKey(name)).ToList();
        var weights = query.Indices.Zip(query.Values).ToDictionary(t => t.First, t =>
        {
            if (!idf) return (double)t.Second;
            var n = holders.Count(p => p.Sparse[name].ContainsKey(t.First));
            return t.Second * Math.Log(1 + (holders.Count - n + 0.5) / (n + 0.5));
        });
        foreach (var point in candidates)
        {
            if (!point.Sparse.TryGetValue(name, out var vector)) continue;
            var shared = weights.Where(w => vector.ContainsKey(w.Key)).ToList();
            if (shared.Count > 0) yield return (point, shared.Sum(w => w.Value * vector[w.Key]));
        }
    }
}
