using Bot.Core.Analysis;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Testing.Hostile;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Chunking;

/// <summary>
/// Runs of symbols without a space (rule lines, emoji, flattened tables): tokenising one costs time quadratic
/// in its length, which made a 60,000-character rule line take 18 s to chunk. They are cut by bounded windows
/// now; these tests hold the cuts to the budget and the offsets exact (the time is in BENCHMARKS.md).
/// </summary>
public sealed class LongRunChunkingTests
{
    private static readonly Chunker Chunker = new(Options.Create(new ChunkingOptions()));

    [Theory]
    [InlineData("-", 30_000)]
    [InlineData("😀", 5_000)]
    [InlineData("ab", 20_000)]
    public void A_long_run_without_spaces_is_cut_into_chunks_within_the_budget(string piece, int times)
    {
        var article = ArticleNormalizer.Normalize(new ArticleDraft("rule.txt", null, "Rule line " + string.Concat(Enumerable.Repeat(piece, times)) + " end.")).Article!;

        var chunks = Chunker.Chunk(article);

        ChunkInvariants.Check(article, chunks);
        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.InRange(TokenCounter.Count(c.Text), 1, new ChunkingOptions().MaxTokens));
    }

    [Fact]
    public void A_budget_check_refuses_text_longer_than_the_budget_could_hold_without_counting()
    {
        var text = new string('-', 200 * TokenCounter.MaxTokenChars + 1);
        Assert.False(TokenCounter.Fits(text, 0, text.Length, 200));
        Assert.True(TokenCounter.Fits(text, 0, 1000, 200));
    }
}
