using System.Runtime.CompilerServices;

namespace Bot.Core.Articles.Reading;

/// <summary>
/// A .csv file with a header row naming the columns (<c>title,text,subject,date</c> and the aliases of
/// <see cref="ArticleFieldNames"/>). Unknown columns and a leading unnamed index column are ignored. Row numbers
/// count data rows from 1 (the header is not a row); reasons also give the line the row starts on.
/// </summary>
internal sealed class CsvFormat : IArticleFormat
{
    public IReadOnlyList<string> Extensions { get; } = [".csv"];
    public bool HoldsOneArticle => false;

    public async IAsyncEnumerable<ReadItem> ReadAsync(
        Stream content, string origin, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = TextContent.OpenReader(content);
        ArticleField?[]? columns = null;
        var row = 0;
        await foreach (var record in new CsvRecordReader(text).ReadAllAsync(cancellationToken))
        {
            if (columns is null)
            {
                columns = record.Fields.Select(Resolve).ToArray();
                if (!columns.Contains(ArticleField.Text))
                {
                    yield return new ReadProblem(origin, null, NoTextColumn(record.Fields));
                    yield break;
                }
                continue;
            }
            row++;
            yield return ToItem(record, columns, origin, row);
        }
        if (columns is null) yield return new ReadProblem(origin, null, "the file is empty");
    }

    private static ReadItem ToItem(CsvRecord record, ArticleField?[] columns, string origin, int row)
    {
        var where = $" (line {record.Line})";
        if (record.Problem is { } problem) return new ReadProblem(origin, row, problem + where);
        if (record.Fields.Count != columns.Length)
            return new ReadProblem(origin, row,
                $"the row has {record.Fields.Count} fields but the header has {columns.Length}{where}");

        var fields = new DraftFields();
        for (var i = 0; i < columns.Length; i++)
            if (columns[i] is { } field) fields.Add(field, record.Fields[i]);
        var draft = fields.ToDraft(origin, row);
        return draft.HasText ? draft : new ReadProblem(origin, row, "the row has no text" + where);
    }

    private static ArticleField? Resolve(string header) =>
        ArticleFieldNames.TryResolve(header, out var field) ? field : null;

    private static string NoTextColumn(IReadOnlyList<string> header) =>
        $"the header has no text column (found: {string.Join(", ", header.Select(h => $"'{h}'"))}; " +
        $"expected one of: {string.Join(", ", ArticleFieldNames.NamesOf(ArticleField.Text))})";
}
