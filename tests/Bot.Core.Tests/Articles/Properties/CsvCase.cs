namespace Bot.Core.Tests.Articles.Properties;

/// <summary>ISOT-style CSV: title,text,subject,date, every field quoted.</summary>
public sealed class CsvCase : ReaderCase
{
    public override string Extension => ".csv";
    public override bool ManyPerFile => true;
    public override int BreakingWays => 3;
    public override IReadOnlyList<string> SyntaxFragments => ["\"", "\"\"", ",", "\n", "\r\n", "\r", ",\"", "\",", "title,text\n"];

    public override byte[] Write(IReadOnlyList<GeneratedArticle> articles) =>
        Utf8(Header + string.Concat(articles.Select(Row)));

    public override byte[] WriteWithBroken(IReadOnlyList<GeneratedArticle> articles, int broken, int how) =>
        Utf8(Header + string.Concat(articles.Select((a, i) => i != broken ? Row(a) : how switch
        {
            0 => Row(a).TrimEnd('\n') + ",\"an extra field\"\n",
            1 => Row(a with { Text = "" }),
            _ => Row(a with { Text = " \t " }),
        })));

    private const string Header = "title,text,subject,date\n";

    private static string Row(GeneratedArticle a) =>
        string.Join(',', Quote(a.Title), Quote(a.Text), Quote(string.Join("; ", a.Tags)), Quote(a.Date)) + "\n";

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
