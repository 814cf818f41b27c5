using Bot.Core.Analysis;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Chunking;

public sealed class ChunkerTests
{
    private static Chunker Chunker(int maxTokens = 200, int overlap = 1) =>
        new(Options.Create(new ChunkingOptions { MaxTokens = maxTokens, OverlapSentences = overlap }));

    private static Article Article(string text, string title = "Title", string? place = null, DateTimeOffset? published = null) => new()
    {
        Id = "art01",
        Title = title,
        Text = text,
        Place = place,
        Published = published,
        Fingerprint = "fp",
    };

    private static readonly string[] ShortSentences = Enumerable.Range(1, 30)
        .Select(i => $"Sentence number {i} says that the minister met {i} delegates in the capital.").ToArray();

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    public void Empty_article_gives_no_chunks(string text) => Assert.Empty(Chunker().Chunk(Article(text)));

    [Fact]
    public void Short_article_is_one_chunk_with_the_whole_trimmed_text()
    {
        var article = Article("  One sentence. Another one.\n");

        var chunk = Assert.Single(Chunker().Chunk(article));

        Assert.Equal("One sentence. Another one.", chunk.Text);
        Assert.Equal((2, 28), (chunk.Start, chunk.End));
        Assert.Equal(("art01-000", "art01", 0), (chunk.Id, chunk.ArticleId, chunk.Ordinal));
    }

    [Fact]
    public void Chunks_hold_whole_sentences_within_budget_and_overlap_by_one_sentence()
    {
        var article = Article(string.Join(" ", ShortSentences));
        var sentences = SentenceSplitter.Split(article.Text);

        var chunks = Chunker(maxTokens: 60, overlap: 1).Chunk(article);

        Assert.True(chunks.Count > 5, $"expected several chunks, got {chunks.Count}");
        AssertInvariants(article, chunks, 60);
        foreach (var chunk in chunks)
        {
            Assert.Contains(sentences, s => s.Start == chunk.Start);
            Assert.Contains(sentences, s => s.End == chunk.End);
        }
        foreach (var (previous, next) in chunks.Zip(chunks.Skip(1)))
        {
            var lastOfPrevious = sentences.Last(s => s.End <= previous.End);
            Assert.Equal(lastOfPrevious.Start, next.Start);
        }
    }

    [Fact]
    public void Overlap_of_two_repeats_two_sentences_and_zero_repeats_none()
    {
        var article = Article(string.Join(" ", ShortSentences));
        var sentences = SentenceSplitter.Split(article.Text);

        var withTwo = Chunker(maxTokens: 80, overlap: 2).Chunk(article);
        var withNone = Chunker(maxTokens: 80, overlap: 0).Chunk(article);

        AssertInvariants(article, withTwo, 80);
        AssertInvariants(article, withNone, 80);
        foreach (var (previous, next) in withTwo.Zip(withTwo.Skip(1)))
            Assert.Equal(2, sentences.Count(s => s.Start >= next.Start && s.End <= previous.End));
        foreach (var (previous, next) in withNone.Zip(withNone.Skip(1)))
            Assert.True(next.Start > previous.End, "chunks without overlap must not share text");
    }

    [Fact]
    public void Overlap_is_dropped_when_it_would_leave_no_room_for_the_next_sentence()
    {
        // Each sentence takes well over half the budget, so no chunk can hold two.
        var sentences = Enumerable.Range(1, 4).Select(i =>
            $"Report {i} said " + string.Join(" ", Enumerable.Repeat("the talks went on", 8)) + ".").ToArray();
        var article = Article(string.Join(" ", sentences));
        var budget = TokenCounter.Count(sentences[0]) * 3 / 2;

        var chunks = Chunker(maxTokens: budget, overlap: 1).Chunk(article);

        Assert.Equal(sentences, chunks.Select(c => c.Text));
        AssertInvariants(article, chunks, budget);
    }

    [Fact]
    public void Sentence_longer_than_the_budget_is_cut_at_word_boundaries()
    {
        var words = Enumerable.Range(0, 400).Select(i => $"word{i}");
        var article = Article("Short opening. " + string.Join(" ", words) + ". Short closing.");

        var chunks = Chunker(maxTokens: 40).Chunk(article);

        AssertInvariants(article, chunks, 40);
        var text = article.Text;
        foreach (var chunk in chunks)
        {
            Assert.True(chunk.Start == 0 || char.IsWhiteSpace(text[chunk.Start - 1]), $"chunk {chunk.Ordinal} starts inside a word");
            Assert.True(chunk.End == text.Length || char.IsWhiteSpace(text[chunk.End]), $"chunk {chunk.Ordinal} ends inside a word");
        }
    }

    [Fact]
    public void Word_longer_than_the_budget_is_cut_between_characters_without_breaking_surrogate_pairs()
    {
        var article = Article("Intro. " + string.Concat(Enumerable.Repeat("x😀yz", 300)) + " end.");

        var chunks = Chunker(maxTokens: ChunkingOptions.MinMaxTokens).Chunk(article);

        AssertInvariants(article, chunks, ChunkingOptions.MinMaxTokens);
        Assert.All(chunks, c => Assert.False(char.IsLowSurrogate(c.Text[0]), $"chunk {c.Ordinal} starts mid-pair"));
    }

    [Fact]
    public void Context_is_title_and_dateline_with_only_the_parts_that_exist()
    {
        var date = new DateTimeOffset(2017, 11, 1, 9, 0, 0, TimeSpan.Zero);
        const string title = "Niger asks U.S. to arm drones";

        Assert.Equal("Niger asks U.S. to arm drones — Niamey, November 1, 2017", Context(Article("Text.", title, "Niamey", date)));
        Assert.Equal("Niger asks U.S. to arm drones — November 1, 2017", Context(Article("Text.", title, null, date)));
        Assert.Equal("Niger asks U.S. to arm drones — Niamey", Context(Article("Text.", title, "Niamey")));
        Assert.Equal("Niger asks U.S. to arm drones", Context(Article("Text.", title)));
        Assert.Equal("Niamey, November 1, 2017", Context(Article("Text.", " ", "Niamey", date)));

        static string Context(Article article) => Assert.Single(Chunker().Chunk(article)).Context;
    }

    [Fact]
    public void Same_article_and_options_give_the_same_chunks()
    {
        var article = Article(string.Join(" ", ShortSentences), place: "Niamey");

        Assert.Equal(Chunker(60).Chunk(article), Chunker(60).Chunk(article));
    }

    [Fact]
    public void Signature_changes_with_the_options()
    {
        Assert.Equal(Chunker(200, 1).Signature, Chunker(200, 1).Signature);
        Assert.NotEqual(Chunker(200, 1).Signature, Chunker(120, 1).Signature);
        Assert.NotEqual(Chunker(200, 1).Signature, Chunker(200, 0).Signature);
    }

    [Theory]
    [InlineData(ChunkingOptions.MinMaxTokens - 1, 1, "MaxTokens")]
    [InlineData(200, -1, "OverlapSentences")]
    public void Unworkable_options_are_refused_clearly(int maxTokens, int overlap, string setting)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Chunker(maxTokens, overlap));
        Assert.Contains("Chunking:" + setting, error.Message);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(120)]
    public void Every_isot_row_chunks_within_budget_with_exact_offsets(int maxTokens)
    {
        var chunker = Chunker(maxTokens);
        var rows = 0;
        foreach (var row in IsotSample.Rows())
        {
            var article = Article(row.Text, row.Title) with { Id = $"isot{rows++:D4}" };
            AssertInvariants(article, chunker.Chunk(article), maxTokens);
        }
        Assert.True(rows >= 2500, $"expected the 2,500 ISOT rows, read {rows}");
    }

    /// <summary>What every chunking must satisfy: ids, verbatim offsets, budget, order, and no text lost.</summary>
    private static void AssertInvariants(Article article, IReadOnlyList<Chunk> chunks, int maxTokens)
    {
        var text = article.Text;
        var coveredUpTo = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            Assert.Equal((Chunk.MakeId(article.Id, i), article.Id, i), (chunk.Id, chunk.ArticleId, chunk.Ordinal));
            Assert.Equal(text[chunk.Start..chunk.End], chunk.Text);
            Assert.False(string.IsNullOrWhiteSpace(chunk.Text), $"{chunk.Id} is empty");
            var tokens = TokenCounter.Count(chunk.Text);
            Assert.True(tokens <= maxTokens, $"{chunk.Id} has {tokens} tokens");
            Assert.True(string.IsNullOrWhiteSpace(text[coveredUpTo..Math.Max(coveredUpTo, chunk.Start)]), $"text lost before {chunk.Id}");
            if (i > 0) Assert.True(chunk.Start > chunks[i - 1].Start && chunk.End > chunks[i - 1].End, $"{chunk.Id} does not advance");
            coveredUpTo = Math.Max(coveredUpTo, chunk.End);
        }
        Assert.True(string.IsNullOrWhiteSpace(text[coveredUpTo..]), "text lost at the end");
    }
}
