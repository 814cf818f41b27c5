using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;

namespace Bot.Core.Articles.Reading.Pdf;

/// <summary>
/// One page's text as a reader would read it: its blocks in reading order (<see cref="PdfLayout"/>), each block
/// one paragraph whose lines are joined with a space, and a word broken by a hyphen at a line end joined again
/// ("inter-" + "national" gives "international"). Also what the page offers as a title (its first lines, when
/// set in a clearly larger font) and a date line near its top.
/// </summary>
internal sealed partial record PdfPageText(string Text, string? Heading, string? DateLine)
{
    /// <summary>How much larger than the page's body text a heading's letters must be.</summary>
    private const double HeadingScale = 1.2;
    private const int MaxHeadingChars = 200;
    /// <summary>How far into the page a date line is looked for.</summary>
    private const int DateSearchChars = 600;

    public static PdfPageText Read(Page page)
    {
        var blocks = PdfLayout.Blocks(page);
        if (blocks.Count == 0) return new("", null, null);
        var paragraphs = blocks.Select(Paragraph).Where(p => p.Length > 0).ToList();
        var text = string.Join("\n\n", paragraphs);
        return new(text, HeadingOf(blocks, page), DateIn(text));
    }

    /// <summary>The block's lines as one paragraph, end-of-line hyphenation undone.</summary>
    private static string Paragraph(List<List<Word>> block)
    {
        var paragraph = new StringBuilder();
        foreach (var line in block)
        {
            var words = string.Join(' ', line.Select(w => w.Text.Trim()).Where(w => w.Length > 0));
            if (words.Length == 0) continue;
            if (paragraph.Length > 0)
            {
                if (IsBrokenWord(paragraph, words)) paragraph.Length--;
                else paragraph.Append(' ');
            }
            paragraph.Append(words);
        }
        return paragraph.ToString().Trim();
    }

    private static bool IsBrokenWord(StringBuilder paragraph, string next) =>
        paragraph.Length >= 2 && paragraph[^1] == '-' && char.IsLetter(paragraph[^2]) && char.IsLower(next[0]);

    /// <summary>The page's leading lines set clearly larger than its body text, when they are short enough for a title.</summary>
    private static string? HeadingOf(List<List<List<Word>>> blocks, Page page)
    {
        var body = Median(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.PointSize));
        var large = blocks.SelectMany(b => b)
            .TakeWhile(line => Median(line.SelectMany(w => w.Letters).Select(l => l.PointSize)) >= body * HeadingScale)
            .Select(line => string.Join(' ', line.Select(w => w.Text.Trim())))
            .ToList();
        var heading = string.Join(' ', large).Trim();
        return heading.Length is > 0 and <= MaxHeadingChars ? heading : null;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static string? DateIn(string text)
    {
        var match = DatePattern().Match(text.Length > DateSearchChars ? text[..DateSearchChars] : text);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}|\d{4}-\d{2}-\d{2})\b")]
    private static partial Regex DatePattern();
}
