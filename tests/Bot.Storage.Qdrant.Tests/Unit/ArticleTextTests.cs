using Bot.Core.Chunking;
using Bot.Storage.Qdrant.Setup;

namespace Bot.Storage.Qdrant.Tests.Unit;

public sealed class ArticleTextTests
{
    private const string Text = "  First sentence. Second one. Third here.  ";

    private static Chunk At(int ordinal, int start, int end, string? text = null) =>
        new(Chunk.MakeId("a", ordinal), "a", ordinal, start, end, text ?? Text[start..end]);

    [Fact]
    public void Overlapping_chunks_and_the_gaps_between_them_give_the_text_back()
    {
        // Chunk 1 repeats the end of chunk 0 (the chunker's sentence overlap); chunk order is not text order.
        Chunk[] chunks = [At(1, 10, 29), At(0, 2, 17), At(2, 30, 41)];
        var gaps = ArticleText.Gaps(Text, chunks);

        Assert.Equal([(0, "  "), (29, " "), (41, "  ")], gaps);
        Assert.Equal(Text, ArticleText.Assemble(Text.Length, [.. gaps!, .. chunks.Select(c => (c.Start, c.Text))]));
    }

    [Fact]
    public void Chunks_that_cannot_give_the_text_back_keep_it_whole()
    {
        Assert.Null(ArticleText.Gaps(Text, [At(0, 2, 17, "First sentence!")])); // not the article's text at its offsets
        Assert.Null(ArticleText.Gaps(Text, [At(0, 2, 17), At(0, 18, 29)])); // one id, so one point for both
        Assert.Null(ArticleText.Gaps(Text, [At(0, 40, 50, "beyond end")]));
        Assert.Equal([(0, Text)], ArticleText.Gaps(Text, []));
    }

    [Fact]
    public void A_missing_piece_is_reported_not_papered_over()
    {
        Assert.Null(ArticleText.Assemble(Text.Length, [(0, "  First sentence."), (29, " Third here.  ")]));
        Assert.Null(ArticleText.Assemble(5, [(0, "abc")]));
        Assert.Null(ArticleText.Assemble(3, [(0, "abcd")]));
        Assert.Equal("", ArticleText.Assemble(0, []));
    }
}
