using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Setup;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Bot.Storage.Qdrant.Reading;

/// <summary>
/// <see cref="SearchFilter"/> as Qdrant conditions on the indexed payload fields. Chunk and article
/// points both carry article metadata, so the same conditions select either. Case-insensitive
/// members compare lower-cased values, which is what the points store.
/// </summary>
internal static class FilterBuilder
{
    public static List<Condition> Conditions(SearchFilter? filter)
    {
        var conditions = new List<Condition>();
        if (filter is null || filter.IsEmpty) return conditions;
        if (filter.From is not null || filter.To is not null)
            conditions.Add(Between(PayloadKeys.Published, filter.From, filter.To));
        if (!string.IsNullOrEmpty(filter.Source))
            conditions.Add(MatchKeyword(PayloadKeys.SourceKey, filter.Source.ToLowerInvariant()));
        if (filter.Tags.Count > 0)
            conditions.Add(Match(PayloadKeys.Tags, filter.Tags.Select(t => t.ToLowerInvariant()).Distinct().ToList()));
        if (filter.ArticleIds.Count > 0)
            conditions.Add(Match(PayloadKeys.ArticleId, filter.ArticleIds.Distinct(StringComparer.Ordinal).ToList()));
        return conditions;
    }

    public static Condition Kind(string kind) => MatchKeyword(PayloadKeys.Kind, kind);

    /// <summary>An inclusive datetime range; an open end is left out.</summary>
    public static Condition Between(string key, DateTimeOffset? from, DateTimeOffset? to) =>
        DatetimeRange(key, gte: from?.UtcDateTime, lte: to?.UtcDateTime);

    public static Filter All(IEnumerable<Condition> must, params Condition[] mustNot) => new() { Must = { must }, MustNot = { mustNot } };

    public static Filter? OrNull(IReadOnlyList<Condition> must) => must.Count == 0 ? null : All(must);
}
