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

    [Theory]
    [InlineData("the first day", "the 1st day", "the one day")]
    [InlineData("the second round", "the 2nd round", "the two round")]
    [InlineData("the third term", "the 3rd term", "the three term")]
    [InlineData("the twenty-first century", "the 21st century", "the twenty-one century")]
    [InlineData("the forty fourth president", "the 44th president", "the 44 president")]
    [InlineData("the hundredth day", "the 100th day", "the 100 day")]
    public void Ordinals_in_words_and_digits_index_alike_and_apart_from_counts(string words, string digits, string count)
    {
        Assert.True(SameTerms(words, digits), $"{string.Join(' ', TextAnalyzer.Terms(words))} vs {string.Join(' ', TextAnalyzer.Terms(digits))}");
        Assert.False(SameTerms(words, count), $"{words} reads as the count {count}");
    }

    [Fact]
    public void A_day_of_the_month_written_as_an_ordinal_is_the_day()
    {
        Assert.Equal(["may", "4"], TextAnalyzer.Terms("May 4th"));
        Assert.Equal(["4th", "day"], TextAnalyzer.Terms("the 4th day"));
    }

    [Theory]
    [InlineData("$1.5 billion", "1.5 billion dollars")]
    [InlineData("$1.5 billion", "$1.5bn")]
    [InlineData("$1.5 billion", "$1.5 bln")]
    [InlineData("€5 million", "5 million euros")]
    [InlineData("£5 million", "5 mln pounds")]
    [InlineData("$3 trillion", "3 trln dollars")]
    public void Decimal_and_scaled_amounts_in_any_currency_index_alike(string story, string question) =>
        Assert.True(SameTerms(story, question), $"{string.Join(' ', TextAnalyzer.Terms(story))} vs {string.Join(' ', TextAnalyzer.Terms(question))}");

    [Fact]
    public void A_dollar_amounts_terms_and_pairs_match_its_spelled_out_order()
    {
        var sign = TextAnalyzer.Terms("$1.5 billion");

        Assert.Equal(["1", "5", "billion", "dollar"], sign);
        Assert.Equal(TextAnalyzer.Pairs(TextAnalyzer.Terms("1.5 billion dollars")), TextAnalyzer.Pairs(sign));
    }

    [Fact]
    public void US_dollars_keep_the_country_and_the_amount()
    {
        var prefixed = TextAnalyzer.Terms("US$100 million");

        Assert.Equal(["us", "100", "million", "dollar"], prefixed);
        Assert.Equal(prefixed.Order(), TextAnalyzer.Terms("100 million U.S. dollars").Order());
    }

    [Theory]
    [InlineData("US", "us")]
    [InlineData("U.S.", "us")]
    [InlineData("UK", "uk")]
    [InlineData("U.K.", "uk")]
    [InlineData("EU", "eu")]
    [InlineData("UN", "un")]
    [InlineData("U.N.", "un")]
    [InlineData("USA", "us")]
    [InlineData("UAE", "unit")]
    public void Country_codes_in_capitals_or_with_dots_are_the_country(string alias, string first) =>
        Assert.Equal(first, TextAnalyzer.Terms($"the {alias} said")[0]);

    [Theory]
    [InlineData("Let us know", "let know")]
    [InlineData("Us and them", "")]
    [InlineData("They told us the US would help", "told us help")]
    public void The_pronoun_us_in_lower_or_title_case_is_no_country(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', TextAnalyzer.Terms(text)));

    [Theory]
    [InlineData("Saudi officials", "Saudi Arabia officials")]
    [InlineData("the UAE", "the United Arab Emirates")]
    [InlineData("Emirati troops", "UAE troops")]
    [InlineData("Burma", "Myanmar")]
    [InlineData("Dutch voters", "Netherlands voters")]
    [InlineData("Holland", "the Netherlands")]
    [InlineData("DPRK missiles", "North Korean missiles")]
    [InlineData("Filipino workers", "Philippines workers")]
    [InlineData("Latin American leaders", "Latin America leaders")]
    public void Every_form_on_a_country_line_indexes_as_its_canonical_name(string a, string b) =>
        Assert.True(SameTerms(a, b), $"{string.Join(' ', TextAnalyzer.Terms(a))} vs {string.Join(' ', TextAnalyzer.Terms(b))}");

    [Theory]
    [InlineData("Niger", "Nigeria")]
    [InlineData("South Korea", "North Korea")]
    [InlineData("South Sudan", "Sudan")]
    [InlineData("Iran", "Iraq")]
    [InlineData("Austria", "Australia")]
    public void Different_countries_stay_apart(string a, string b) => Assert.False(SameTerms(a, b));

    [Fact]
    public void Only_names_not_demonyms_are_listed_as_country_names()
    {
        Assert.Contains("niger", CountryNames.Names);
        Assert.Contains("us", CountryNames.Names);
        Assert.DoesNotContain("nigerien", CountryNames.Names);
        Assert.DoesNotContain("american", CountryNames.Names);
        Assert.Equal("niger", CountryNames.Canonical["nigerien"]);
        Assert.Equal("united states", CountryNames.Canonical["american"]);
        Assert.Contains("north", CountryNames.Prefixes);
        Assert.Contains("united arab", CountryNames.Prefixes);
        Assert.True(CountryNames.MaxWords >= 3, "\"united arab emirates\" is three words");
    }

    [Theory]
    [InlineData("ten percent", "10%")]
    [InlineData("ninety-nine troops", "99 troops")]
    [InlineData("a dozen eggs", "12 eggs")]
    [InlineData("5 mln barrels", "5 million barrels")]
    [InlineData("3 bn", "3 billion")]
    [InlineData("Sep 12", "Sept. 12")]
    [InlineData("Mar. 3", "March 3")]
    public void More_spellings_index_alike(string a, string b) =>
        Assert.True(SameTerms(a, b), $"{string.Join(' ', TextAnalyzer.Terms(a))} vs {string.Join(' ', TextAnalyzer.Terms(b))}");

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
