using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Bot.Core.Articles.Reading;

/// <summary>Turns one JSON object into article fields, shared by .json, .jsonl and sidecar files.</summary>
internal static class JsonArticle
{
    public static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// A draft from <paramref name="element"/>, or a problem when it is no object or one of its strings is no
    /// text (an unpaired surrogate escape such as <c>"\ud800"</c> is valid JSON syntax but no UTF-16 string).
    /// </summary>
    public static ReadItem ToItem(JsonElement element, string origin, int? row)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return new ReadProblem(origin, row, $"expected an article object, found {Describe(element.ValueKind)}");
        return TryFields(element, out var fields, out var problem)
            ? fields.ToDraft(origin, row)
            : new ReadProblem(origin, row, problem);
    }

    /// <summary><see cref="Fields"/>, or false with the reason when a string value cannot be decoded.</summary>
    public static bool TryFields(JsonElement article, [NotNullWhen(true)] out DraftFields? fields, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            (fields, problem) = (Fields(article), null);
            return true;
        }
        catch (InvalidOperationException error)
        {
            (fields, problem) = (null, $"a string is not valid text ({error.Message.TrimEnd('.')})");
            return false;
        }
    }

    /// <summary>
    /// The known properties of <paramref name="article"/>. Strings and numbers are taken as written, arrays of
    /// them as several values (tags), and an object as its "name" (NewsAPI's <c>"source": {"name": "Reuters"}</c>).
    /// </summary>
    public static DraftFields Fields(JsonElement article)
    {
        var fields = new DraftFields();
        foreach (var property in article.EnumerateObject())
        {
            if (!ArticleFieldNames.TryResolve(property.Name, out var field)) continue;
            foreach (var value in Values(property.Value)) fields.Add(field, value);
        }
        return fields;
    }

    private static IEnumerable<string?> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()],
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => [value.GetRawText()],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Values),
        JsonValueKind.Object when value.TryGetProperty("name", out var name) => Values(name),
        _ => [],
    };

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>A short reason from a parser error: "invalid JSON at line 3, position 14" (1-based).</summary>
    public static string Invalid(JsonException error, bool withLine = true)
    {
        var where = new List<string>();
        if (withLine && error.LineNumber is { } line) where.Add($"line {line + 1}");
        if (error.BytePositionInLine is { } column) where.Add($"position {column + 1}");
        return where.Count == 0 ? "invalid JSON" : $"invalid JSON at {string.Join(", ", where)}";
    }
}
