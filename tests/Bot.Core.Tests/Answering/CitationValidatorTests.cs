using Bot.Core.Answering;
using static Bot.Core.Tests.Answering.AnswerFixture;

namespace Bot.Core.Tests.Answering;

public class CitationValidatorTests
{
    private static readonly IReadOnlyList<Bot.Core.Retrieval.Passage> P = Passages;

    private static Citation Ambush(int n) => Cite(n, P[0], "Four U.S. soldiers were killed in an ambush in Niger on Oct. 4.");
    private static Citation Militants(int n) => Cite(n, P[0], "The patrol was attacked by about 50 militants near the village of Tongo Tongo.");
    private static Citation Vote(int n) => Cite(n, P[2], "The vote was 51 to 49.");

    [Fact]
    public void A_valid_answer_is_passed_on_unchanged()
    {
        var answer = Answer("Four soldiers died [1]. About 50 militants attacked [2]. The Senate vote was 51 to 49 [3].",
            Ambush(1), Militants(2), Vote(3));

        var result = CitationValidator.Validate(answer, P);

        Assert.True(result.WasValid, string.Join("; ", result.Problems));
        Assert.Same(answer, result.Repaired);
        AssertMeetsContract(result.Repaired);
    }

    [Fact]
    public void A_marker_without_a_citation_is_dropped()
    {
        var answer = Answer("Four soldiers died [1]. The vote was close [7].", Ambush(1));

        var result = CitationValidator.Validate(answer, P);

        Assert.False(result.WasValid);
        Assert.Equal("Four soldiers died [1]. The vote was close.", result.Repaired.Text);
        Assert.Contains(result.Problems, p => p.Contains("[7]"));
        AssertMeetsContract(result.Repaired);
    }

    [Fact]
    public void An_unused_citation_is_dropped()
    {
        var answer = Answer("Four soldiers died [1].", Ambush(1), Vote(2));

        var result = CitationValidator.Validate(answer, P);

        Assert.Equal([Ambush(1)], result.Repaired.Citations);
        Assert.Contains(result.Problems, p => p.Contains("never referred to"));
        AssertMeetsContract(result.Repaired);
    }

    [Fact]
    public void Citations_are_renumbered_in_order_of_first_use()
    {
        var answer = Answer("The vote was 51 to 49 [3]. Four soldiers died [1]. Militants attacked [2] after [3].",
            Ambush(1), Militants(2), Vote(3));

        var result = CitationValidator.Validate(answer, P);

        Assert.Equal("The vote was 51 to 49 [1]. Four soldiers died [2]. Militants attacked [3] after [1].", result.Repaired.Text);
        Assert.Equal([Vote(1), Ambush(2), Militants(3)], result.Repaired.Citations);
        AssertMeetsContract(result.Repaired);
    }

    [Fact]
    public void Citations_are_listed_in_number_order()
    {
        var answer = Answer("Four soldiers died [1]. The vote was 51 to 49 [2].", Vote(2), Ambush(1));

        var result = CitationValidator.Validate(answer, P);

        Assert.Equal([Ambush(1), Vote(2)], result.Repaired.Citations);
        Assert.Contains(result.Problems, p => p.Contains("number order"));
        AssertMeetsContract(result.Repaired);
    }

    [Fact]
    public void A_quote_that_is_not_verbatim_is_dropped_with_its_markers()
    {
        var paraphrase = Ambush(2) with { Quote = "Four American soldiers were killed in Niger." };
        var answer = Answer("Militants attacked [1]. Four soldiers died [2].", Militants(1), paraphrase);

        var result = CitationValidator.Validate(answer, P);

        Assert.Equal("Militants attacked [1]. Four soldiers died.", result.Repaired.Text);
        Assert.Equal([Militants(1)], result.Repaired.Citations);
        Assert.Contains(result.Problems, p => p.Contains("not a verbatim span"));
        AssertMeetsContract(result.Repaired);
    }

    [Fact]
    public void A_quote_that_is_verbatim_elsewhere_in_its_chunk_gets_its_offsets_corrected()
    {
        var shifted = Militants(1) with { Start = 3, End = 3 + Militants(1).Quote.Length };

        var result = CitationValidator.Validate(Answer("Militants attacked [1].", shifted), P);

        Assert.Equal(Militants(1), Assert.Single(result.Repaired.Citations));
        Assert.Contains(result.Problems, p => p.Contains("corrected"));
        AssertMeetsContract(result.Repaired);
    }

    [Fact]
    public void Offsets_outside_the_chunk_are_not_trusted_even_when_the_article_text_matches()
    {
        // The quote is real article text but lies in chunk 1, while the citation names chunk 0.
        var pentagon = Cite(1, P[1], "The Pentagon said an investigation was under way.");
        var wrongChunk = pentagon with { ChunkId = P[0].Chunk.Id };

        var result = CitationValidator.Validate(Answer("An inquiry began [1].", wrongChunk), P);

        Assert.True(result.Repaired.Abstained);
        Assert.Contains(result.Problems, p => p.Contains("not a verbatim span"));
    }

    [Fact]
    public void A_citation_of_a_chunk_that_was_not_retrieved_is_dropped()
    {
        var foreign = Ambush(2) with { ChunkId = "other-article-000" };

        var result = CitationValidator.Validate(Answer("Militants attacked [1]. Soldiers died [2].", Militants(1), foreign), P);

        Assert.Equal("Militants attacked [1]. Soldiers died.", result.Repaired.Text);
        Assert.Contains(result.Problems, p => p.Contains("not among the passages"));
        AssertMeetsContract(result.Repaired);
    }

    [Fact]
    public void Article_details_are_taken_from_the_passage()
    {
        var mislabelled = Vote(1) with { ArticleId = Niger.Id, Title = "Made up", Url = "https://elsewhere" };

        var result = CitationValidator.Validate(Answer("The vote was 51 to 49 [1].", mislabelled), P);

        Assert.Equal(Vote(1), Assert.Single(result.Repaired.Citations));
        Assert.Contains(result.Problems, p => p.Contains("article details"));
    }

    [Fact]
    public void Grouped_markers_are_written_one_number_each()
    {
        var result = CitationValidator.Validate(Answer("Soldiers died in an attack [1, 2].", Ambush(1), Militants(2)), P);

        Assert.Equal("Soldiers died in an attack [1][2].", result.Repaired.Text);
        Assert.False(result.WasValid);
        AssertMeetsContract(result.Repaired);
    }

    [Fact]
    public void A_second_citation_with_the_same_number_is_dropped()
    {
        var result = CitationValidator.Validate(Answer("Soldiers died [1].", Ambush(1), Vote(1)), P);

        Assert.Equal([Ambush(1)], result.Repaired.Citations);
        Assert.Contains(result.Problems, p => p.Contains("Two citations are numbered [1]"));
    }

    [Fact]
    public void Two_citations_of_the_same_span_become_one()
    {
        var result = CitationValidator.Validate(Answer("Soldiers died [1]. In an ambush [2].", Ambush(1), Ambush(2)), P);

        Assert.Equal("Soldiers died [1]. In an ambush [1].", result.Repaired.Text);
        Assert.Equal([Ambush(1)], result.Repaired.Citations);
        AssertMeetsContract(result.Repaired);
    }

    [Fact]
    public void An_answer_left_with_nothing_cited_is_refused()
    {
        var answer = Answer("Troops were withdrawn [4].", Cite(1, P[2], "The vote was 51 to 49.") with { Quote = "invented" }) with { Confidence = 0.9 };

        var result = CitationValidator.Validate(answer, P);

        Assert.True(result.Repaired.Abstained);
        Assert.Equal(Abstention.Message, result.Repaired.Text);
        Assert.Empty(result.Repaired.Citations);
        Assert.Equal("test", result.Repaired.Answerer);
        Assert.Equal("query", result.Repaired.RetrievalQuery);
        Assert.Equal(0, result.Repaired.Confidence);
        Assert.Contains(result.Problems, p => p.Contains("withheld"));
    }

    [Theory]
    [InlineData("An answer with no markers at all.")]
    [InlineData("[1]")]
    [InlineData("  [1] [1]  ")]
    public void Text_that_cites_nothing_or_says_nothing_is_refused(string text)
    {
        var result = CitationValidator.Validate(Answer(text, Ambush(1)), P);

        Assert.True(result.Repaired.Abstained);
        AssertMeetsContract(result.Repaired);
    }

    [Fact]
    public void A_clean_abstention_is_valid()
    {
        var abstention = Bot.Core.Answering.Answer.Abstain(Abstention.Message, "test");

        var result = CitationValidator.Validate(abstention, P);

        Assert.True(result.WasValid);
        Assert.Same(abstention, result.Repaired);
    }

    [Fact]
    public void An_abstention_carrying_citations_is_cleaned()
    {
        var abstention = new Answer("The archive does not say [1].", true, [Ambush(1)]);

        var result = CitationValidator.Validate(abstention, P);

        Assert.Equal("The archive does not say.", result.Repaired.Text);
        Assert.Empty(result.Repaired.Citations);
        Assert.True(result.Repaired.Abstained);
        Assert.Equal(2, result.Problems.Count);
    }

    [Fact]
    public void An_empty_quote_is_dropped()
    {
        var empty = Ambush(2) with { Quote = " ", End = Ambush(2).Start + 1 };

        var result = CitationValidator.Validate(Answer("Militants attacked [1]. Died [2].", Militants(1), empty), P);

        Assert.Equal([Militants(1)], result.Repaired.Citations);
        Assert.Contains(result.Problems, p => p.Contains("empty quote"));
    }

    /// <summary>
    /// Random damage of every kind the validator knows (wrong numbers, stray markers, shifted offsets,
    /// paraphrased quotes, foreign chunks, unused citations): whatever comes out meets the contract.
    /// </summary>
    [Fact]
    public void Whatever_the_damage_the_result_meets_the_contract()
    {
        var random = new Random(20171020);
        Citation[] pool = [Ambush(1), Militants(1), Vote(1), Cite(1, P[1], "The Pentagon said an investigation was under way."),
            Cite(1, P[2], "The measure clears the way for a tax overhaul.")];
        var refused = 0;
        for (var round = 0; round < 500; round++)
        {
            var citations = Enumerable.Range(1, random.Next(0, 5))
                .Select(n => Damage(pool[random.Next(pool.Length)] with { Number = random.Next(4) == 0 ? random.Next(0, 7) : n }, random))
                .ToArray();
            var sentences = Enumerable.Range(0, random.Next(1, 5)).Select(i =>
                $"Sentence {i}" + string.Concat(Enumerable.Range(0, random.Next(0, 3)).Select(_ => random.Next(3) == 0
                    ? $" [{random.Next(1, 8)}, {random.Next(1, 8)}]" : $" [{random.Next(0, 8)}]")) + ".");
            var answer = Answer(string.Join(" ", sentences), citations);

            var result = CitationValidator.Validate(answer, P);

            AssertMeetsContract(result.Repaired);
            Assert.Equal(result.WasValid, ReferenceEquals(answer, result.Repaired));
            // Validation is idempotent: a repaired answer is valid as it stands.
            Assert.True(CitationValidator.Validate(result.Repaired, P).WasValid);
            if (result.Repaired.Abstained) refused++;
        }
        Assert.InRange(refused, 1, 499);
    }

    private static Citation Damage(Citation citation, Random random) => random.Next(8) switch
    {
        0 => citation with { Start = citation.Start + 1, End = citation.End + 1 },
        1 => citation with { Quote = citation.Quote.ToUpperInvariant() },
        2 => citation with { ChunkId = "missing-000" },
        3 => citation with { Title = "wrong" },
        _ => citation,
    };
}
