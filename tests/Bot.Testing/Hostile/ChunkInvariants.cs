using Bot.Core.Articles;
using Bot.Core.Chunking;

namespace Bot.Testing.Hostile;

/// <summary>
/// Chunks of an article: numbered in order, each exactly its article's text at [Start, End), together covering
/// every non-space character; in a paged article each chunk lies on one page and says which.
/// </summary>
public static class ChunkInvariants
{
    public static void Check(Article article, IReadOnlyList<Chunk> chunks)
    {
        var text = article.Text;
        if (article.PageStarts.Count > 0) Assert.Equal(0, article.PageStarts[0]);
        for (var p = 1; p < article.PageStarts.Count; p++)
            Assert.InRange(article.PageStarts[p], article.PageStarts[p - 1], text.Length);
        var covered = new bool[text.Length];
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            Assert.Equal(i, chunk.Ordinal);
            Assert.Equal(article.Id, chunk.ArticleId);
            Assert.Equal(Chunk.MakeId(article.Id, i), chunk.Id);
            Assert.InRange(chunk.Start, 0, text.Length - 1);
            Assert.InRange(chunk.End, chunk.Start + 1, text.Length);
            Assert.Equal(text[chunk.Start..chunk.End], chunk.Text);
            if (i > 0) Assert.True(chunk.Start > chunks[i - 1].Start, $"chunk {i} does not start after chunk {i - 1}");
            Assert.False(SplitsSurrogatePair(text, chunk.Start) || SplitsSurrogatePair(text, chunk.End), $"chunk {i} cuts a surrogate pair");
            Assert.Equal(article.PageAt(chunk.Start), chunk.Page);
            Assert.True(article.PageAt(chunk.End - 1) == chunk.Page, $"chunk {i} on page {chunk.Page} runs onto page {article.PageAt(chunk.End - 1)}");
            for (var c = chunk.Start; c < chunk.End; c++) covered[c] = true;
        }
        for (var c = 0; c < text.Length; c++)
            Assert.True(covered[c] || char.IsWhiteSpace(text[c]), $"character {c} ('{text[c]}') is in no chunk");
    }

    public static bool SplitsSurrogatePair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);
}
