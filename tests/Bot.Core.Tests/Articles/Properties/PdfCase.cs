using System.Text;
using Bot.Testing;

namespace Bot.Core.Tests.Articles.Properties;

/// <summary>
/// A PDF written by PdfPig: the title in the document information, the text in lines of a standard font, a
/// few lines a page so most articles span pages. The font draws printable ASCII only, so every other visible
/// character is drawn as '?'.
/// </summary>
public sealed class PdfCase : ReaderCase
{
    private const int LinesPerPage = 6;
    private const int CharsPerLine = 70;

    public override string Extension => ".pdf";

    public override IReadOnlyList<string> SyntaxFragments =>
    [
        "%PDF-1.7\n", " 0 obj\n", "\nendobj\n", " 0 R", "<<", ">>", "[", "]", "(", ")", "\\", "/Type /Page ", "/Type /Pages /Kids [",
        "/Count 99999 ", "/Length 0 ", "/Length 99999999 ", "stream\n", "\nendstream", "/Filter /FlateDecode ", "BT ", " ET",
        " Tj", " TJ", "/F1 12 Tf", " Td", "/Font << ", "/Encrypt ", "xref\n0 1\n0000000000 65535 f \n", "trailer\n", "startxref\n",
        "%%EOF", "/Info ", "/Title (", "/CreationDate (D:", "<FEFF", "/Parent 2 0 R ", "/MediaBox [0 0 0 0] ", "-1 ",
    ];

    public override byte[] Write(IReadOnlyList<GeneratedArticle> articles)
    {
        var article = articles[0];
        var pages = Lines(ExpectedText(article)).Chunk(LinesPerPage)
            .Select(page => (IReadOnlyList<TestPdfs.Line>)[.. page.Select(line => new TestPdfs.Line(line))])
            .ToList();
        return TestPdfs.Document(pages, title: article.Title, created: article.Date);
    }

    /// <summary>What the font can draw: whitespace as spaces (lines are laid out anew), any other non-ASCII unit as '?'.</summary>
    public override string ExpectedText(GeneratedArticle article)
    {
        var drawable = new StringBuilder(article.Text.Length);
        foreach (var c in article.Text)
            drawable.Append(c switch
            {
                _ when char.IsWhiteSpace(c) => ' ',
                >= '!' and <= '~' => c,
                _ => '?',
            });
        return drawable.ToString();
    }

    /// <summary>
    /// The text wrapped at spaces. A line never ends in a letter and '-' before a lower-case word, which the
    /// reader rightly joins as a word broken at the line end.
    /// </summary>
    private static IEnumerable<string> Lines(string text)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + word.Length >= CharsPerLine && !EndsInBrokenWord(line, word))
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        yield return line.ToString();
    }

    private static bool EndsInBrokenWord(StringBuilder line, string next) =>
        line.Length >= 2 && line[^1] == '-' && char.IsLetter(line[^2]) && char.IsLower(next[0]);
}
