using System.Text;

namespace Bot.Core.Articles.Reading;

/// <summary>One CSV record: its fields, the line it starts on, and why it is broken if it is.</summary>
internal sealed record CsvRecord(IReadOnlyList<string> Fields, int Line, string? Problem = null);

/// <summary>
/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes, "" for a quote inside quotes,
/// line breaks allowed inside quoted fields, CRLF, LF or CR line ends. Blank lines are skipped. A quote left
/// open at the end of the file makes the last record broken; a stray quote inside an unquoted field is kept.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] buffer = new char[64 * 1024];
    private int length;
    private int position;
    private int line = 1;

    public async IAsyncEnumerable<CsvRecord> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var startLine = line;
        var quoted = false;      // inside an open quoted field
        var wasQuoted = false;   // the current field began with a quote
        var quoteLine = 0;

        while (true)
        {
            if (position == length)
            {
                length = await reader.ReadAsync(buffer, cancellationToken);
                position = 0;
                if (length == 0) break;
            }
            var c = buffer[position++];

            if (quoted)
            {
                if (c == '"')
                {
                    if (await PeekAsync(cancellationToken) == '"') { position++; field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n' || (c == '\r' && await PeekAsync(cancellationToken) != '\n')) line++;
                    field.Append(c);
                }
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && await PeekAsync(cancellationToken) == '\n') position++;
                    fields.Add(field.ToString());
                    if (fields.Count > 1 || fields[0].Length > 0 || wasQuoted)
                        yield return new CsvRecord(fields.ToArray(), startLine);
                    fields.Clear();
                    field.Clear();
                    wasQuoted = false;
                    startLine = ++line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(fields.ToArray(), startLine,
                $"a quoted field opened on line {quoteLine} is never closed");
        }
        else if (fields.Count > 0 || field.Length > 0 || wasQuoted)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(fields.ToArray(), startLine);
        }
    }

    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken)
    {
        if (position == length)
        {
            length = await reader.ReadAsync(buffer, cancellationToken);
            position = 0;
            if (length == 0) return -1;
        }
        return buffer[position];
    }
}
