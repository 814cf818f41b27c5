using Bot.Core.Chunking;

namespace Bot.Storage.Qdrant.Setup;

/// <summary>
/// An article's text is stored once: its chunk points hold the chunks (each exactly <c>Text[Start..End]</c>), and the
/// article point holds only the stretches no chunk covers (the gaps, usually the spaces between chunks). Storing the
/// full text on the article point as well sent every article's text twice, 6 % of an upload's bytes.
/// </summary>
internal static class ArticleText
{
    /// <summary>
    /// The stretches of <paramref name="text"/> that no chunk covers, in order; null when the chunks cannot give the text
    /// back (a chunk's text is not the article's at its offsets, or two chunks share an id and so a point), and the article
    /// point must keep the full text.
    /// </summary>
    public static List<(int Start, string Text)>? Gaps(string text, IEnumerable<Chunk> chunks)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var gaps = new List<(int, string)>();
        var covered = 0;
        foreach (var chunk in chunks.OrderBy(c => c.Start))
        {
            if (!ids.Add(chunk.Id) || chunk.Start < 0 || chunk.End > text.Length || chunk.End - chunk.Start != chunk.Text.Length
                || !text.AsSpan(chunk.Start, chunk.Text.Length).SequenceEqual(chunk.Text))
                return null;
            if (chunk.Start > covered) gaps.Add((covered, text[covered..chunk.Start]));
            covered = Math.Max(covered, chunk.End);
        }
        if (covered < text.Length) gaps.Add((covered, text[covered..]));
        return gaps;
    }

    /// <summary>The text of <paramref name="length"/> characters from pieces at their offsets (chunks may overlap); null when a stretch is missing.</summary>
    public static string? Assemble(int length, IEnumerable<(int Start, string Text)> pieces)
    {
        var text = new char[length];
        var covered = 0;
        foreach (var (start, piece) in pieces.OrderBy(p => p.Start))
        {
            if (start < 0 || start > covered || start + piece.Length > length) return null;
            var end = start + piece.Length;
            if (end > covered) piece.AsSpan(covered - start).CopyTo(text.AsSpan(covered));
            covered = Math.Max(covered, end);
        }
        return covered == length ? new string(text) : null;
    }
}
