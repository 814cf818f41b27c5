namespace Bot.Core.Articles.Reading;

/// <summary>The file formats ingestion understands, by extension (".csv", ".txt", ...; see <see cref="Extensions"/>).</summary>
public static class ArticleFormats
{
    private static readonly IArticleFormat[] All =
    [
        new TextFileFormat(), new MarkdownFormat(), new HtmlFileFormat(),
        new JsonFormat(), new JsonLinesFormat(), new CsvFormat(), new PdfFormat(),
    ];

    private static readonly Dictionary<string, IArticleFormat> ByExtension =
        All.SelectMany(f => f.Extensions.Select(e => (e, f))).ToDictionary(x => x.e, x => x.f, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> Extensions => ByExtension.Keys.Order(StringComparer.Ordinal);

    /// <summary>The format for <paramref name="path"/>; sidecar files (<c>*.meta.json</c>) have none.</summary>
    public static IArticleFormat? For(string path) =>
        Sidecar.IsSidecar(path) ? null : ByExtension.GetValueOrDefault(Path.GetExtension(path));
}
