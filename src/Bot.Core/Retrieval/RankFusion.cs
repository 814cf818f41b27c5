namespace Bot.Core.Retrieval;

/// <summary>
/// Reciprocal rank fusion: each list contributes weight/(k + rank) per item, so lists with incomparable
/// scores (BM25, cosine) combine by rank alone. k = 60 is the value from the original RRF paper.
/// </summary>
public static class RankFusion
{
    public const int DefaultK = 60;

    public static List<(TKey Key, double Score)> Reciprocal<TKey>(
        IEnumerable<(IReadOnlyList<TKey> Ranking, double Weight)> rankings, int k = DefaultK)
        where TKey : notnull
    {
        var scores = new Dictionary<TKey, double>();
        foreach (var (ranking, weight) in rankings)
            for (var rank = 0; rank < ranking.Count; rank++)
                scores[ranking[rank]] = scores.GetValueOrDefault(ranking[rank]) + weight / (k + rank + 1);
        return scores.Select(kv => (kv.Key, kv.Value)).OrderByDescending(x => x.Value).ToList();
    }
}
