using System.Text.RegularExpressions;
using Bot.Core.Answering.Spans;
using Bot.Core.Chunking;
using Bot.Core.Tests.Answering.Extractive;
using Bot.Core.Tests.Chunking;

namespace Bot.Core.Tests.Answering.Spans;

/// <summary>Amounts with their hedges, and one comparable value however a story spells them.</summary>
public class NumberSpansTests
{
    private static IReadOnlyList<AnswerSpan> Amounts(string sentence) => NumberSpans.Find(sentence, DateSpans.Find(sentence, null));

    private static AnswerSpan Single(string sentence, SpanKind kind, string text)
    {
        var span = Assert.Single(Amounts(sentence), s => s.Text == text);
        Assert.Equal(kind, span.Kind);
        Assert.Equal(text, sentence[span.Start..span.End]);
        return span;
    }

    [Fact]
    public void The_seed_storys_drone_base_cost_is_money()
    {
        var sentence = SeedStory.Sentence("drone base");

        var span = Single(sentence, SpanKind.Money, "$100million");

        Assert.Equal("100 million dollar", span.Value);
    }

    [Theory]
    [InlineData("It cost $100million to build.", "$100million")]
    [InlineData("It cost $100 million to build.", "$100 million")]
    [InlineData("It cost 100 million dollars to build.", "100 million dollars")]
    [InlineData("It cost $ 100 mln to build.", "$ 100 mln")]
    public void Every_spelling_of_a_dollar_amount_has_one_value(string sentence, string text) =>
        Assert.Equal("100 million dollar", Single(sentence, SpanKind.Money, text).Value);

    [Theory]
    [InlineData("They paid $1.5 billion for it.", "$1.5 billion")]
    [InlineData("They paid 1.5 billion dollars for it.", "1.5 billion dollars")]
    [InlineData("They paid $1.5bn for it.", "$1.5bn")]
    public void Decimal_amounts_keep_their_decimals(string sentence, string text) =>
        Assert.Equal("1 5 billion dollar", Single(sentence, SpanKind.Money, text).Value);

    [Theory]
    [InlineData("The fund holds €5 million in bonds.", "€5 million", "5 million euro")]
    [InlineData("The fund holds 5 million euros in bonds.", "5 million euros", "5 million euro")]
    [InlineData("The fund holds £5 million in bonds.", "£5 million", "5 million pound")]
    [InlineData("The fund holds 5 million pounds in bonds.", "5 million pounds", "5 million pound")]
    [InlineData("The fund holds 300 million yuan in bonds.", "300 million yuan", "300 million yuan")]
    public void Other_currencies_are_money_too(string sentence, string text, string value) =>
        Assert.Equal(value, Single(sentence, SpanKind.Money, text).Value);

    [Theory]
    [InlineData("The deal was worth US$100 million in cash.", "US$100 million")]
    [InlineData("The deal was worth C$40 million in cash.", "C$40 million")]
    [InlineData("The deal was worth HK$2 billion in cash.", "HK$2 billion")]
    public void Dollars_of_a_named_country_are_money_with_their_prefix(string sentence, string text)
    {
        var span = Single(sentence, SpanKind.Money, text);

        Assert.EndsWith("dollar", span.Value);
    }

    [Fact]
    public void A_hedge_belongs_to_the_amount_but_not_to_its_value()
    {
        var span = Single("Debt reached more than $1 trillion last year.", SpanKind.Money, "more than $1 trillion");

        Assert.Equal("1 trillion dollar", span.Value);
    }

    [Theory]
    [InlineData("Prices rose 93 percent in a year.", "93 percent")]
    [InlineData("Prices rose 93% in a year.", "93%")]
    [InlineData("Prices rose 93 per cent in a year.", "93 per cent")]
    [InlineData("Prices rose 93 pct in a year.", "93 pct")]
    [InlineData("Prices rose ninety-three percent in a year.", "ninety-three percent")]
    public void Every_spelling_of_a_percentage_has_one_value(string sentence, string text) =>
        Assert.Equal("93 percent", Single(sentence, SpanKind.Percent, text).Value);

    [Theory]
    [InlineData("Support fell to about 5 pct in May.", "about 5 pct", "5 percent")]
    [InlineData("Support fell by nearly 2.5 percentage points.", "nearly 2.5 percentage points", "2 5 percentag point")]
    public void Percentages_keep_their_hedge_and_points(string sentence, string text, string value) =>
        Assert.Equal(value, Single(sentence, SpanKind.Percent, text).Value);

    [Theory]
    [InlineData("The 70-year-old was freed.", "70-year-old")]
    [InlineData("The minister, aged 65, was freed.", "aged 65")]
    [InlineData("Kalla Mountari (65) was freed.", "(65)")]
    [InlineData("The minister is 65 years old and was freed.", "65 years old")]
    [InlineData("Indonesian Siti Aisyah, 25, and Doan Thi Huong, 28, a Vietnamese, are charged.", "25")]
    [InlineData("Indonesian Siti Aisyah, 25, and Doan Thi Huong, 28, a Vietnamese, are charged.", "28")]
    public void Ages_as_wire_copy_writes_them(string sentence, string text) =>
        Single(sentence, SpanKind.Age, text);

    [Fact]
    public void Every_spelling_of_an_age_has_one_value()
    {
        var values = new[]
        {
            ("The 65-year-old was freed.", "65-year-old"), ("The minister, aged 65, was freed.", "aged 65"),
            ("Kalla Mountari (65) was freed.", "(65)"), ("The minister is 65 years old.", "65 years old"),
            ("Kalla Mountari, 65, was freed.", "65"), ("The minister is sixty-five years old.", "sixty-five years old"),
        }.Select(p => Single(p.Item1, SpanKind.Age, p.Item2).Value).Distinct();

        Assert.Equal(["65"], values);
    }

    [Theory]
    [InlineData("In the end, 25, not 30, came.")]
    [InlineData("Of the 100 passengers, 25, including two children, died.")]
    public void A_number_between_commas_after_a_lower_case_word_is_no_age(string sentence) =>
        Assert.DoesNotContain(Amounts(sentence), s => s.Kind == SpanKind.Age);

    [Theory]
    [InlineData("He served four years in prison.", "four years", "4 year")]
    [InlineData("He served 4 years in prison.", "4 years", "4 year")]
    [InlineData("He began a four-year term.", "four-year", "4 year")]
    [InlineData("He began a 10-day hunger strike.", "10-day", "10 day")]
    [InlineData("He lived abroad for two decades.", "two decades", "2 decad")]
    [InlineData("The siege lasted more than 48 hours.", "more than 48 hours", "48 hour")]
    public void Durations_have_one_value_per_length(string sentence, string text, string value) =>
        Assert.Equal(value, Single(sentence, SpanKind.Duration, text).Value);

    [Theory]
    [InlineData("The House voted 388-2 to pass the bill.", "388-2", "388 2")]
    [InlineData("The Senate voted 51 to 49 in favor of the bill.", "51 to 49", "51 49")]
    [InlineData("The Senate passed it by 51-49 on a party line.", "51-49", "51 49")]
    [InlineData("The motion passed 7 to 2 vote in the council.", "7 to 2", "7 2")]
    public void Tallies_are_one_number_with_both_sides(string sentence, string text, string value) =>
        Assert.Equal(value, Single(sentence, SpanKind.Number, text).Value);

    [Theory]
    [InlineData("Militants killed at least four of their Nigerien partners.", "at least four", "4")]
    [InlineData("Militants killed more than 30 troops.", "more than 30", "30")]
    [InlineData("Militants killed nearly a dozen guards.", "nearly a dozen", "12")]
    [InlineData("Militants killed about 1,000 troops.", "about 1,000", "1000")]
    [InlineData("Militants killed up to twenty-five guards.", "up to twenty-five", "25")]
    [InlineData("Militants killed four U.S. soldiers.", "four", "4")]
    [InlineData("The census counted 12,500,000 people.", "12,500,000", "12500000")]
    public void Counts_keep_their_hedge_in_the_text_and_drop_it_from_the_value(string sentence, string text, string value) =>
        Assert.Equal(value, Single(sentence, SpanKind.Number, text).Value);

    [Fact]
    public void The_same_count_spelled_differently_has_one_value()
    {
        var values = new[] { ("killed four soldiers", "four"), ("killed 4 soldiers", "4"), ("killed at least four soldiers", "at least four") }
            .Select(p => Single(p.Item1, SpanKind.Number, p.Item2).Value).Distinct();

        Assert.Equal(["4"], values);
    }

    [Theory]
    [InlineData("Several people came, and one man stayed.")]
    [InlineData("Half the country voted.")]
    [InlineData("Some said a few were hurt.")]
    public void Words_that_are_no_amount_alone_are_skipped(string sentence) => Assert.Empty(Amounts(sentence));

    [Fact]
    public void A_dates_digits_are_no_amount()
    {
        const string sentence = "On Oct. 4, 2017, militants killed four soldiers.";

        var amounts = Amounts(sentence);

        Assert.Equal(["four"], amounts.Select(a => a.Text));
    }

    [Fact]
    public void The_most_specific_kind_wins_and_spans_never_overlap()
    {
        var spans = Amounts("The 800-strong force cost $100million, rose 5 percent and served four years, killing 12 militants.");

        Assert.Equal([SpanKind.Number, SpanKind.Money, SpanKind.Percent, SpanKind.Duration, SpanKind.Number], spans.Select(s => s.Kind));
        Assert.Equal(["800", "$100million", "5 percent", "four years", "12"], spans.Select(s => s.Text));
        Assert.All(spans.Zip(spans.Skip(1)), p => Assert.True(p.First.End <= p.Second.Start));
    }

    [Fact]
    public void Real_sample_sentences_with_dollar_billions_and_percentages_give_money_and_percent_spans()
    {
        var sentences = IsotSample.Rows().SelectMany(r => SentenceSplitter.Split(r.Text).Select(s => r.Text[s.Start..s.End])).ToList();
        var billions = sentences.Where(s => Regex.IsMatch(s, @"\$\d[\d.,]* billion")).Take(50).ToList();
        var percents = sentences.Where(s => Regex.IsMatch(s, @"\b\d[\d.]* percent\b")).Take(50).ToList();

        Assert.Equal(50, billions.Count);
        Assert.Equal(50, percents.Count);
        Assert.All(billions, s => Assert.Contains(Amounts(s), a => a.Kind == SpanKind.Money && a.Text.Contains('$') && a.Value.EndsWith("billion dollar", StringComparison.Ordinal)));
        Assert.All(percents, s => Assert.Contains(Amounts(s), a => a.Kind == SpanKind.Percent && a.Value.EndsWith(" percent", StringComparison.Ordinal)));
    }
}
