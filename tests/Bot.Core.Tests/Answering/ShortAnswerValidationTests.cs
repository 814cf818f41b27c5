using Bot.Core.Answering;
using static Bot.Core.Tests.Answering.AnswerFixture;

namespace Bot.Core.Tests.Answering;

/// <summary>The short answer that opens an answer is checked like a quote: a verbatim span of its citation's quote.</summary>
public class ShortAnswerValidationTests
{
    private static readonly IReadOnlyList<Bot.Core.Retrieval.Passage> P = Passages;
    private static Citation Ambush(int n) => Cite(n, P[0], "Four U.S. soldiers were killed in an ambush in Niger on Oct. 4.");
    private static Citation Vote(int n) => Cite(n, P[2], "The vote was 51 to 49.");

    private static ShortAnswer ShortOf(Citation citation, string span, string? text = null)
    {
        var at = citation.Quote.IndexOf(span, StringComparison.Ordinal);
        return new ShortAnswer(text ?? span, citation.Number, span, citation.Start + at, citation.Start + at + span.Length);
    }

    [Fact]
    public void A_short_answer_inside_its_quote_passes_unchanged()
    {
        var ambush = Ambush(1);
        var answer = Answer("Oct. 4, 2017. \"Four U.S. soldiers were killed in an ambush in Niger on Oct. 4.\" [1]", ambush)
            with { Short = ShortOf(ambush, "Oct. 4", "Oct. 4, 2017") };

        var result = CitationValidator.Validate(answer, P);

        Assert.True(result.WasValid, string.Join("; ", result.Problems));
        Assert.Same(answer, result.Repaired);
    }

    [Fact]
    public void Renumbering_the_citations_renumbers_the_short_answers_citation()
    {
        var (vote, ambush) = (Vote(1), Ambush(2));
        var answer = Answer("Four. \"Four U.S. soldiers were killed in an ambush in Niger on Oct. 4.\" [2] \"The vote was 51 to 49.\" [1]", vote, ambush)
            with { Short = ShortOf(ambush, "Four") };

        var result = CitationValidator.Validate(answer, P);

        Assert.Equal(1, result.Repaired.Short?.Citation);
        Assert.Equal("Four U.S. soldiers were killed in an ambush in Niger on Oct. 4.", result.Repaired.Citations[0].Quote);
    }

    [Fact]
    public void Wrong_offsets_are_corrected_when_the_span_is_in_the_quote()
    {
        var ambush = Ambush(1);
        var answer = Answer("Four. \"Four U.S. soldiers were killed in an ambush in Niger on Oct. 4.\" [1]", ambush)
            with { Short = ShortOf(ambush, "Four") with { Start = 3, End = 7 } };

        var result = CitationValidator.Validate(answer, P);

        Assert.Contains(result.Problems, p => p.Contains("short answer's offsets"));
        Assert.Equal(ambush.Start, result.Repaired.Short?.Start);
        Assert.Equal("Four", Niger.Text[result.Repaired.Short!.Start..result.Repaired.Short.End]);
    }

    [Theory]
    [InlineData("Five", "Five")]
    [InlineData("Four", "Forty")]
    public void A_short_answer_that_its_quote_does_not_hold_is_dropped_with_its_opening_sentence(string span, string text)
    {
        var ambush = Ambush(1);
        var answer = Answer($"{text}. \"Four U.S. soldiers were killed in an ambush in Niger on Oct. 4.\" [1]", ambush)
            with { Short = new ShortAnswer(text, 1, span, ambush.Start, ambush.Start + span.Length) };

        var result = CitationValidator.Validate(answer, P);

        Assert.Null(result.Repaired.Short);
        Assert.StartsWith("\"Four U.S. soldiers", result.Repaired.Text);
        Assert.Contains(result.Problems, p => p.Contains("short answer"));
    }

    [Fact]
    public void A_short_answer_naming_a_dropped_citation_is_dropped()
    {
        var ambush = Ambush(1);
        var answer = Answer("Four. \"Four U.S. soldiers were killed in an ambush in Niger on Oct. 4.\" [1]", ambush)
            with { Short = ShortOf(ambush, "Four") with { Citation = 5 } };

        var result = CitationValidator.Validate(answer, P);

        Assert.Null(result.Repaired.Short);
        Assert.Contains(result.Problems, p => p.Contains("[5]"));
    }
}
