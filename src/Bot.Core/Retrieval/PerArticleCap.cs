namespace Bot.Core.Retrieval;

public static class PerArticleCap
{
    /// <summary>Keeps the ranking's order but at most <paramref name="maxPerArticle"/> items per article, up to <paramref name="top"/>.</summary>
    public static List<T> Apply<T>(IEnumerable<T> ranked, Func<T, string> articleId, int maxPerArticle, int top)
    {
        var perArticle = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<T>(top);
        foreach (var item in ranked)
        {
            if (kept.Count >= top) break;
            var id = articleId(item);
            var count = perArticle.GetValueOrDefault(id);
            if (maxPerArticle > 0 && count >= maxPerArticle) continue;
            perArticle[id] = count + 1;
            kept.Add(item);
        }
        return kept;
    }
}
