using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace Bot.Core.Articles.Reading.Pdf;

/// <summary>
/// A page's words as blocks in reading order, each block its lines top to bottom and each line its words left
/// to right. Docstrum finds the blocks and PdfPig's detector orders them (columns left to right, top to bottom),
/// with two repairs for what Docstrum does around a word much longer than its neighbours: it pairs the long word
/// with the nearest word's centre, which can be on the next line, so lines are formed again from the words'
/// heights; and it can make the long word's line a block of its own inside the block of the lines around it, so
/// blocks whose boxes overlap are read as one.
/// </summary>
internal static class PdfLayout
{
    public static List<List<List<Word>>> Blocks(Page page)
    {
        var words = page.GetWords(NearestNeighbourWordExtractor.Instance).Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0) return [];
        var blocks = MergeOverlapping(DocstrumBoundingBoxes.Instance.GetBlocks(words));
        return [.. UnsupervisedReadingOrderDetector.Instance.Get(blocks).Select(Lines)];
    }

    /// <summary>Blocks whose boxes overlap, directly or through another, as one block; the others as they are.</summary>
    private static List<TextBlock> MergeOverlapping(IReadOnlyList<TextBlock> blocks)
    {
        var group = Enumerable.Range(0, blocks.Count).ToArray();
        int Root(int i) => group[i] == i ? i : group[i] = Root(group[i]);
        for (var i = 0; i < blocks.Count; i++)
            for (var j = i + 1; j < blocks.Count; j++)
                if (Overlap(blocks[i].BoundingBox, blocks[j].BoundingBox)) group[Root(j)] = Root(i);
        return [.. Enumerable.Range(0, blocks.Count).GroupBy(Root).Select(members => members.Count() == 1
            ? blocks[members.Key]
            : new TextBlock([.. members.SelectMany(i => blocks[i].TextLines)]))];
    }

    private static bool Overlap(PdfRectangle a, PdfRectangle b) =>
        Math.Min(a.Right, b.Right) > Math.Max(a.Left, b.Left) && Math.Min(a.Top, b.Top) > Math.Max(a.Bottom, b.Bottom);

    /// <summary>
    /// The block's words in lines, top to bottom, each line left to right: a word is on a line when their
    /// baselines are less than half the larger type size apart. Baselines, not boxes: an underscore's or a
    /// comma's box sits below the line's and could be taken for the next line's. Rotated or vertical text keeps
    /// Docstrum's lines.
    /// </summary>
    private static List<List<Word>> Lines(TextBlock block)
    {
        var words = block.TextLines.SelectMany(l => l.Words).ToList();
        if (words.Any(w => w.TextOrientation != TextOrientation.Horizontal)) return [.. block.TextLines.Select(l => l.Words.ToList())];
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(Baseline))
        {
            if (lines.Count > 0 && OnOneLine(lines[^1][0], word)) lines[^1].Add(word);
            else lines.Add([word]);
        }
        foreach (var line in lines) line.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
        return lines;
    }

    private static double Baseline(Word word) => word.Letters.Count > 0 ? word.Letters[0].StartBaseLine.Y : word.BoundingBox.Bottom;

    private static double TypeSize(Word word) => word.Letters.Count > 0 ? word.Letters.Max(l => l.PointSize) : word.BoundingBox.Height;

    private static bool OnOneLine(Word a, Word b) => Math.Abs(Baseline(a) - Baseline(b)) < Math.Max(TypeSize(a), TypeSize(b)) / 2;
}
