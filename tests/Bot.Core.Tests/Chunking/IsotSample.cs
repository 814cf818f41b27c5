using Bot.Testing;
using Microsoft.VisualBasic.FileIO;

namespace Bot.Core.Tests.Chunking;

/// <summary>The Reuters rows of the shared ISOT sample (skips the calling test when the data is absent).</summary>
internal static class IsotSample
{
    public sealed record Row(string Title, string Text, string Subject, string Date);

    private static readonly string[] Files = ["True_sample_1500.csv", "true_small_1000.csv"];

    public static IEnumerable<Row> Rows()
    {
        var folder = SharedData.IsotSample;
        foreach (var file in Files)
        {
            using var parser = new TextFieldParser(Path.Combine(folder, file)) { HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields() ?? [];
            int Column(string name) => Array.IndexOf(header, name);
            var (title, text, subject, date) = (Column("title"), Column("text"), Column("subject"), Column("date"));
            while (parser.ReadFields() is { } fields)
                yield return new Row(fields[title], fields[text], fields[subject], fields[date]);
        }
    }
}
