using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Bot.Core.Articles.Reading;

/// <summary>A .jsonl file: one article object per line; a bad line is reported by its number and skipped.</summary>
internal sealed class JsonLinesFormat : IArticleFormat
{
    public IReadOnlyList<string> Extensions { get; } = [".jsonl", ".ndjson"];
    public bool HoldsOneArticle => false;

    public async IAsyncEnumerable<ReadItem> ReadAsync(
        Stream content, string origin, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = TextContent.OpenReader(content);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ReadLine(line, origin, lineNumber);
        }
    }

    private static ReadItem ReadLine(string line, string origin, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line, JsonArticle.Options);
            return JsonArticle.ToItem(document.RootElement, origin, lineNumber);
        }
        catch (JsonException error)
        {
            return new ReadProblem(origin, lineNumber, JsonArticle.Invalid(error, withLine: false));
        }
    }
}
