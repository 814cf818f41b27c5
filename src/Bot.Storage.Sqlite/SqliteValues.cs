using System.Globalization;
using System.Text.Json;
using Bot.Core.Articles;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>Column conversions shared by every query: dates as sortable UTC ISO text, tags as a JSON array.</summary>
internal static class SqliteValues
{
    public static string? FormatDate(DateTimeOffset? date) =>
        date?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseDate(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? null
            : DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static IReadOnlyList<string> Tags(SqliteDataReader reader, int ordinal) =>
        JsonSerializer.Deserialize<string[]>(reader.GetString(ordinal)) ?? [];

    /// <summary>Columns: id, title, published, source, url, tags (+ chunk count when present), in that order from <paramref name="first"/>.</summary>
    public static ArticleSummary Summary(SqliteDataReader reader, int first = 0, int chunkCount = 0) => new(
        reader.GetString(first),
        reader.GetString(first + 1),
        ParseDate(reader, first + 2),
        NullableString(reader, first + 3),
        NullableString(reader, first + 4),
        Tags(reader, first + 5),
        chunkCount);

    public const string SummaryColumns = "a.id, a.title, a.published, a.source, a.url, a.tags";
}
