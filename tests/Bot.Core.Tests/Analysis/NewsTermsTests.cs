using Bot.Core.Analysis;
using Bot.Core.Tests.Chunking;

namespace Bot.Core.Tests.Analysis;

/// <summary>News spellings of one fact analyse to the same terms, so questions and stories match however each writes it.</summary>
public class NewsTermsTests
{
    private static bool SameTerms(string a, string b) => TextAnalyzer.Terms(a).SequenceEqual(TextAnalyzer.Terms(b));

    [Theory]
    [InlineData("the U.S. soldiers", "the US soldiers")]
    [InlineData("the U.S. soldiers", "the United States soldiers")]
    [InlineData("the U.S. soldiers", "the American soldiers")]
    [InlineData("allied U.S.-Nigerien forces", "allied American-Niger forces")]
    [InlineData("Britain's prime minister", "the UK prime minister")]
    [InlineData("the U.N. Security Council", "the United Nations Security Council")]
    [InlineData("North Korean missiles", "North Korea missiles")]
    [InlineData("Syrian refugees", "Syria refugees")]
    public void Countries_aliases_and_demonyms_index_alike(string story, string question) =>
        Assert.True(SameTerms(story, question), $"{string.Join(' ', TextAnalyzer.Terms(story))} vs {string.Join(' ', TextAnalyzer.Terms(question))}");

    [Fact]
    public void Niger_and_Nigeria_stay_apart_and_the_pronoun_us_is_no_country()
    {
        Assert.False(SameTerms("Nigerien troops", "Nigerian troops"));
        Assert.Equal(["tell"], TextAnalyzer.Terms("tell us"));
        Assert.Equal(["latin", "america"], TextAnalyzer.Terms("Latin American"));
    }

    [Theory]
    [InlineData("killed four U.S. soldiers", "killed 4 U.S. soldiers")]
    [InlineData("twenty-five people", "25 people")]
    [InlineData("the fourth day", "the 4th day")]
    [InlineData("a dozen", "12")]
    [InlineData("1,000 troops", "1000 troops")]
    [InlineData("$100million drone base", "100 million dollars drone base")]
    [InlineData("$100 million", "100 mln dollars")]
    [InlineData("5 percent", "5%")]
    [InlineData("5 per cent", "5 pct")]
    public void Numbers_money_and_percentages_index_alike(string story, string question) =>
        Assert.True(SameTerms(story, question), $"{string.Join(' ', TextAnalyzer.Terms(story))} vs {string.Join(' ', TextAnalyzer.Terms(question))}");

    [Theory]
    [InlineData("On Oct. 4, Islamist militants", "on October 4 Islamist militants")]
    [InlineData("Sept. 12", "September 12")]
    [InlineData("Jan 6", "January 6th")]
    public void Months_and_their_abbreviations_index_alike(string story, string question)
    {
        var (a, b) = (TextAnalyzer.Terms(story), TextAnalyzer.Terms(question));
        Assert.True(a.All(b.Contains) || b.All(a.Contains), $"{string.Join(' ', a)} vs {string.Join(' ', b)}");
    }

    [Fact]
    public void Possessives_and_repaired_apostrophes_index_alike() =>
        Assert.True(SameTerms("Africa's Sahel region", "Africa s Sahel region"));

    [Fact]
    public void Real_sample_sentences_with_dollar_amounts_match_their_spelled_out_form()
    {
        var sentence = IsotSample.Rows().SelectMany(r => r.Text.Split(". ")).First(s => s.Contains("$") && s.Contains(" billion"));
        var terms = TextAnalyzer.Terms(sentence);
        Assert.Contains("dollar", terms);
        Assert.Contains("billion", terms);
    }

    [Fact]
    public void Real_sample_sentences_naming_the_united_states_match_every_form()
    {
        var sentence = IsotSample.Rows().SelectMany(r => r.Text.Split(". ")).First(s => s.Contains("United States") && s.Contains("U.S."));
        var terms = TextAnalyzer.Terms(sentence);
        Assert.DoesNotContain("unit", terms);
        Assert.True(terms.Count(t => t == "us") >= 2);
    }
}
