using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Protocol;

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
            conditions.Add(Protocol.Conditions.Between(PayloadKeys.Published, filter.From, filter.To));
        if (!string.IsNullOrEmpty(filter.Source))
            conditions.Add(Protocol.Conditions.Is(PayloadKeys.SourceKey, filter.Source.ToLowerInvariant()));
        if (filter.Tags.Count > 0)
            conditions.Add(Protocol.Conditions.AnyOf(PayloadKeys.Tags, filter.Tags.Select(t => t.ToLowerInvariant())));
        if (filter.ArticleIds.Count > 0)
            conditions.Add(Protocol.Conditions.AnyOf(PayloadKeys.ArticleId, filter.ArticleIds));
        return conditions;
    }

    public static Filter? ToFilter(IReadOnlyList<Condition> must) => must.Count == 0 ? null : new Filter { Must = must };
}
