using Bot.Core.Analysis;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Testing.Hostile;
using CsCheck;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Chunking;

/// <summary>
/// The sentence splitter and the chunker under generated hostile text: spans stay inside the text, in order,
/// trimmed and covering every visible character; chunk offsets always address the article text exactly and
/// every chunk keeps to the token budget.
/// </summary>
public sealed class ChunkingProperties
{
    [Fact]
    public void Sentences_are_ordered_trimmed_spans_that_cover_every_visible_character()
    {
        HostileText.Text(120).Sample(text =>
        {
            var sentences = SentenceSplitter.Split(text);
            var covered = new bool[text.Length];
            var previousEnd = 0;
            foreach (var sentence in sentences)
            {
                Assert.InRange(sentence.Start, previousEnd, text.Length - 1);
                Assert.InRange(sentence.End, sentence.Start + 1, text.Length);
                Assert.False(char.IsWhiteSpace(text[sentence.Start]) || char.IsWhiteSpace(text[sentence.End - 1]), $"untrimmed sentence {sentence}");
                for (var i = sentence.Start; i < sentence.End; i++) covered[i] = true;
                previousEnd = sentence.End;
            }
            for (var i = 0; i < text.Length; i++)
                Assert.True(covered[i] || char.IsWhiteSpace(text[i]), $"character {i} is in no sentence");
        }, iter: PropertyRuns.Iterations(2000));
    }

    [Fact]
    public void Chunk_offsets_address_the_article_text_exactly_and_keep_to_the_budget()
    {
        var settings = Gen.Select(Gen.Int[ChunkingOptions.MinMaxTokens, 120], Gen.Int[0, 3]);
        Gen.Select(HostileText.TextWithWords(300), settings).Sample((text, setting) =>
        {
            var (maxTokens, overlap) = setting;
            var chunker = new Chunker(Options.Create(new ChunkingOptions { MaxTokens = maxTokens, OverlapSentences = overlap }));
            var normalized = ArticleNormalizer.Normalize(new ArticleDraft("generated.txt", null, text));
            Assert.True(normalized.Succeeded, normalized.Problem?.Reason);

            var chunks = chunker.Chunk(normalized.Article);

            ChunkInvariants.Check(normalized.Article, chunks);
            Assert.NotEmpty(chunks);
            Assert.All(chunks, c => Assert.True(TokenCounter.Count(c.Text) <= maxTokens, $"chunk {c.Ordinal} has {TokenCounter.Count(c.Text)} tokens, budget {maxTokens}"));
        }, iter: PropertyRuns.Iterations(300));
    }
}
