using System.Text.Json;
using Bot.Core.Retrieval;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>Translates a <see cref="SearchFilter"/> into a SQL condition on the articles table aliased <c>a</c>.</summary>
internal static class SqliteFilter
{
    public static string Where(SearchFilter filter, SqliteCommand command)
    {
        var conditions = new List<string> { "1 = 1" };
        if (filter.From is { } from)
        {
            conditions.Add("a.published >= $from");
            command.Parameters.AddWithValue("$from", SqliteValues.FormatDate(from));
        }
        if (filter.To is { } to)
        {
            conditions.Add("a.published <= $to");
            command.Parameters.AddWithValue("$to", SqliteValues.FormatDate(to));
        }
        if (!string.IsNullOrEmpty(filter.Source))
        {
            conditions.Add("a.source = $source COLLATE NOCASE");
            command.Parameters.AddWithValue("$source", filter.Source);
        }
        if (filter.Tags.Count > 0)
        {
            conditions.Add("a.id IN (SELECT article_id FROM article_tags WHERE tag IN (SELECT lower(value) FROM json_each($tags)))");
            command.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(filter.Tags));
        }
        if (filter.ArticleIds.Count > 0)
        {
            conditions.Add("a.id IN (SELECT value FROM json_each($ids))");
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(filter.ArticleIds));
        }
        return string.Join(" AND ", conditions);
    }
}
