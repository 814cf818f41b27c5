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
        var item = 0; // the item being read, so a syntax error between items names the one it spoils
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                using var single = JsonDocument.ParseValue(ref reader);
                items.Add(JsonArticle.ToItem(single.RootElement, origin, null));
            }
            else
            {
                while (true)
                {
                    item++;
                    if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray) break;
                    using var element = JsonDocument.ParseValue(ref reader);
                    items.Add(JsonArticle.ToItem(element.RootElement, origin, item));
                }
                item = 0;
            }
            // Anything after the value (a second object, say) would otherwise be dropped without a word.
            reader.Read();
        }
        catch (JsonException error)
        {
            var rest = item > 0 ? "; the items after it could not be read" : "";
            items.Add(new ReadProblem(origin, item > 0 ? item : null, JsonArticle.Invalid(error) + rest));
        }
        return items;
    }
}
