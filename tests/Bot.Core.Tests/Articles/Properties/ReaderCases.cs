namespace Bot.Core.Tests.Articles.Properties;

/// <summary>Every reader the archive has, as property-test cases. Add a new reader's case here.</summary>
public static class ReaderCases
{
    public static IReadOnlyList<ReaderCase> All { get; } =
    [
        new CsvCase(), new JsonCase(), new JsonLinesCase(), new TextCase(), new MarkdownCase(), new HtmlCase(), new PdfCase(),
    ];

    public static TheoryData<string> Extensions => new(All.Select(c => c.Extension));

    public static TheoryData<string> ManyPerFileExtensions => new(All.Where(c => c.ManyPerFile).Select(c => c.Extension));

    public static ReaderCase For(string extension) => All.Single(c => c.Extension == extension);
}
