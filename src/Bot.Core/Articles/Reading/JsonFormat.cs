using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Bot.Core.Articles.Reading;

/// <summary>
/// A .json file holding one article object or an array of them. The array is read item by item, so the items
/// before a syntax error still come through; the error is reported with its line and item number.
/// </summary>
internal sealed class JsonFormat : IArticleFormat
{
    public IReadOnlyList<string> Extensions { get; } = [".json"];
    public bool HoldsOneArticle => false;

    public async IAsyncEnumerable<ReadItem> ReadAsync(
        Stream content, string origin, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        foreach (var item in Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), origin))
            yield return item;
    }

    private static List<ReadItem> Read(ReadOnlySpan<byte> json, string origin)
    {
        if (json.StartsWith("\uFEFF"u8)) json = json[3..];
        var items = new List<ReadItem>();
        if (json.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            items.Add(new ReadProblem(origin, null, "the file is empty"));
            return items;
        }
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            AllowTrailingCommas = JsonArticle.Options.AllowTrailingCommas,
            CommentHandling = JsonArticle.Options.CommentHandling,
        });
        var row = 0;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                using var single = JsonDocument.ParseValue(ref reader);
                items.Add(JsonArticle.ToItem(single.RootElement, origin, null));
                return items;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                row++;
                using var element = JsonDocument.ParseValue(ref reader);
                items.Add(JsonArticle.ToItem(element.RootElement, origin, row));
            }
        }
        catch (JsonException error)
        {
            var rest = row > 0 ? "; the items after it could not be read" : "";
            items.Add(new ReadProblem(origin, row > 0 ? row : null, JsonArticle.Invalid(error) + rest));
        }
        return items;
    }
}
