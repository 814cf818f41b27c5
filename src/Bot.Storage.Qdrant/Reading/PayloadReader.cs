using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Setup;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Reading;

/// <summary>Turns stored payloads back into domain records; a point the adapter did not write is reported, not guessed.</summary>
internal static class PayloadReader
{
    public static ArticleSummary Summary(MapField<string, Value> p) =>
        new(RequiredText(p, PayloadKeys.ArticleId), OptionalText(p, PayloadKeys.Title) ?? "", Date(p), OptionalText(p, PayloadKeys.Source),
            OptionalText(p, PayloadKeys.Url), Strings(p, PayloadKeys.Tags), (int)(Number(p, PayloadKeys.ChunkCount) ?? 0));

    /// <param name="text">The article's text, which the article point holds in full only in some layouts (see <see cref="ArticleText"/>).</param>
    public static Article Article(MapField<string, Value> p, string text) => new()
    {
        Id = RequiredText(p, PayloadKeys.ArticleId),
        Title = OptionalText(p, PayloadKeys.Title) ?? "",
        Text = text,
        Published = Date(p),
        Source = OptionalText(p, PayloadKeys.Source),
        Url = OptionalText(p, PayloadKeys.Url),
        Author = OptionalText(p, PayloadKeys.Author),
        Place = OptionalText(p, PayloadKeys.Place),
        Tags = Strings(p, PayloadKeys.Tags),
        PageStarts = Numbers(p, PayloadKeys.PageStarts),
        Fingerprint = RequiredText(p, PayloadKeys.Fingerprint),
    };

    public static Passage Passage(MapField<string, Value> p, double score)
    {
        var chunk = new Chunk(
            RequiredText(p, PayloadKeys.ChunkId),
            RequiredText(p, PayloadKeys.ArticleId),
            RequiredNumber(p, PayloadKeys.Ordinal),
            RequiredNumber(p, PayloadKeys.Start),
            RequiredNumber(p, PayloadKeys.End),
            RequiredText(p, PayloadKeys.Text))
        { Context = OptionalText(p, PayloadKeys.Context) ?? "", Page = (int?)Number(p, PayloadKeys.Page) };
        return new Passage(chunk, Summary(p), score);
    }

    public static string RequiredText(MapField<string, Value> p, string key) => OptionalText(p, key) ?? throw Missing(key);

    public static string? OptionalText(MapField<string, Value> p, string key) =>
        p.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    private static long? Number(MapField<string, Value> p, string key) =>
        p.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.IntegerValue ? value.IntegerValue : null;

    public static int RequiredNumber(MapField<string, Value> p, string key) => (int)(Number(p, key) ?? throw Missing(key));

    private static List<string> Strings(MapField<string, Value> p, string key) => Items(p, key, Value.KindOneofCase.StringValue, v => v.StringValue);

    private static List<int> Numbers(MapField<string, Value> p, string key) => Items(p, key, Value.KindOneofCase.IntegerValue, v => (int)v.IntegerValue);

    /// <summary>A list field's items of one kind (a loop, not LINQ: this runs for every passage of every search).</summary>
    private static List<T> Items<T>(MapField<string, Value> p, string key, Value.KindOneofCase kind, Func<Value, T> read)
    {
        var items = new List<T>();
        if (p.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.ListValue)
            foreach (var item in value.ListValue.Values)
                if (item.KindCase == kind) items.Add(read(item));
        return items;
    }

    /// <summary>The stretches of an article's text that its chunks do not hold ({start, text} objects).</summary>
    public static List<(int Start, string Text)> TextGaps(MapField<string, Value> p) =>
        p.TryGetValue(PayloadKeys.TextGaps, out var value) && value.KindCase == Value.KindOneofCase.ListValue
            ? [.. value.ListValue.Values.Select(g => (RequiredNumber(g.StructValue.Fields, PayloadKeys.Start), RequiredText(g.StructValue.Fields, PayloadKeys.Text)))]
            : throw Missing(PayloadKeys.TextGaps);

    private static DateTimeOffset? Date(MapField<string, Value> p) =>
        OptionalText(p, PayloadKeys.Published) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;

    private static ArchiveException Missing(string key) =>
        new($"A Qdrant point lacks the payload field '{key}': the collection holds points this store did not write.");
}
