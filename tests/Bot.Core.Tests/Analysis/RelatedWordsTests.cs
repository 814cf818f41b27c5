using Bot.Core.Analysis;

namespace Bot.Core.Tests.Analysis;

/// <summary>Words news copy uses for one another, related as analysed terms and never in the index.</summary>
public class RelatedWordsTests
{
    private static string Term(string word) => Assert.Single(TextAnalyzer.Terms(word));

    [Theory]
    [InlineData("ambush", "attack")]
    [InlineData("ambush", "raid")]
    [InlineData("locals", "citizens")]
    [InlineData("think", "feelings")]
    [InlineData("killed", "died")]
    [InlineData("soldiers", "troops")]
    [InlineData("arrested", "detained")]
    [InlineData("resigned", "quit")]
    public void Words_of_one_group_are_related_both_ways_as_analysed_terms(string a, string b)
    {
        Assert.Contains(Term(b), RelatedWords.Of(Term(a)));
        Assert.Contains(Term(a), RelatedWords.Of(Term(b)));
    }

    [Fact]
    public void The_documented_example_holds_what_do_locals_think_finds_citizens_with_mixed_feelings()
    {
        var question = TextAnalyzer.Terms("what do locals think");
        var sentence = TextAnalyzer.Terms("citizens have mixed feelings").ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(question, sentence.Contains);
        Assert.All(question, term => Assert.True(RelatedWords.Of(term).Overlaps(sentence), $"{term} finds nothing in the sentence"));
    }

    [Fact]
    public void A_term_is_not_its_own_relative_and_unrelated_groups_stay_apart()
    {
        var attack = RelatedWords.Of(Term("attack"));

        Assert.DoesNotContain(Term("attack"), attack);
        Assert.DoesNotContain(Term("citizens"), attack);
        Assert.DoesNotContain(Term("troops"), RelatedWords.Of(Term("citizens")));
    }

    [Fact]
    public void A_word_in_two_groups_is_related_to_both()
    {
        var defeat = RelatedWords.Of(Term("defeat"));

        Assert.Contains(Term("victory"), defeat);
        Assert.Contains(Term("loss"), defeat);
        Assert.DoesNotContain(Term("loss"), RelatedWords.Of(Term("victory")));
    }

    [Theory]
    [InlineData("zebra")]
    [InlineData("")]
    [InlineData("killed")]
    public void An_unknown_or_unanalysed_word_has_no_relatives(string term) =>
        Assert.Empty(RelatedWords.Of(term));

    [Fact]
    public void The_index_never_expands_with_related_words() =>
        Assert.Equal(["ambush"], TextAnalyzer.Terms("ambush"));
}
