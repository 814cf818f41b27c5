using System.Text.RegularExpressions;
using Bot.Core.Answering.Spans;
using Bot.Core.Articles.Metadata;
using Bot.Core.Chunking;
using Bot.Core.Tests.Chunking;

namespace Bot.Core.Tests.Answering.Spans;

/// <summary>Dates and times as wire copy writes them, resolved against the story's own date.</summary>
public class DateSpansTests
{
    /// <summary>The seed story's day: Wednesday, Nov. 1, 2017.</summary>
    private static readonly DateTimeOffset Wednesday = new(2017, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static AnswerSpan Only(string sentence, DateTimeOffset? published) => Assert.Single(DateSpans.Find(sentence, published));

    private static void AssertDate(string sentence, string text, string value, DateTimeOffset? published = null)
    {
        var span = Only(sentence, published ?? Wednesday);
        Assert.Equal(SpanKind.Date, span.Kind);
        Assert.Equal(text, span.Text);
        Assert.Equal(text, sentence[span.Start..span.End]);
        Assert.Equal(value, span.Value);
    }

    [Theory]
    [InlineData("On Oct. 4, Islamist militants killed four U.S. soldiers.", "Oct. 4", "2017-10-04")]
    [InlineData("The U.S. military said the Oct. 3-4 mission was not intended to involve contact.", "Oct. 3-4", "2017-10-03")]
    [InlineData("Talks resume on October 12th in Geneva.", "October 12th", "2017-10-12")]
    [InlineData("The bomb went off on Sept. 12, 2016 in Kabul.", "Sept. 12, 2016", "2016-09-12")]
    [InlineData("The deadline is Dec. 20 for all parties.", "Dec. 20", "2017-12-20")]
    [InlineData("The hearing is set for Jan 6 in Paris.", "Jan 6", "2018-01-06")]
    public void Month_day_dates_take_their_year_from_the_story(string sentence, string text, string value) =>
        AssertDate(sentence, text, value);

    [Fact]
    public void A_day_near_new_year_belongs_to_the_year_nearest_the_story()
    {
        var januaryThird = new DateTimeOffset(2018, 1, 3, 0, 0, 0, TimeSpan.Zero);

        AssertDate("The attack on Dec. 20 killed six.", "Dec. 20", "2017-12-20", januaryThird);
        AssertDate("The vote on Jan. 10 is expected to pass.", "Jan. 10", "2018-01-10", januaryThird);
    }

    [Theory]
    [InlineData("He arrived on 4 October 2017 with his staff.", "4 October 2017", "2017-10-04")]
    [InlineData("He arrived on 4 Oct with his staff.", "4 Oct", "2017-10-04")]
    [InlineData("The summit is on the 12th of March in Rome.", "12th of March", "2018-03-12")]
    public void Day_month_dates_resolve_like_month_day_dates(string sentence, string text, string value) =>
        AssertDate(sentence, text, value);

    [Theory]
    [InlineData("Elections are due in March 2018 after the talks.", "March 2018", "2018-03")]
    [InlineData("The plant closed in early January 2016 for repairs.", "early January 2016", "2016-01")]
    [InlineData("The treaty dates from May of 1997 and still stands.", "May of 1997", "1997-05")]
    public void Month_and_year_give_a_month(string sentence, string text, string value) =>
        AssertDate(sentence, text, value);

    [Theory]
    [InlineData("Sales fell sharply in October at the chain.", "October", "2017-10")]
    [InlineData("The reform takes effect in January after the vote.", "January", "2018-01")]
    [InlineData("Prices rose during June across the region.", "June", "2017-06")]
    [InlineData("Turnout has fallen since late September in the north.", "late September", "2017-09")]
    public void A_bare_month_after_a_preposition_is_the_nearest_such_month(string sentence, string text, string value) =>
        AssertDate(sentence, text, value);

    [Fact]
    public void A_bare_month_without_a_story_date_is_its_name_and_may_as_a_verb_is_no_month()
    {
        Assert.Equal("march", Only("It happened in March.", null).Value);
        Assert.Empty(DateSpans.Find("Officials may meet again soon, they may not.", Wednesday));
        Assert.Empty(DateSpans.Find("May I ask who paid?", Wednesday));
    }

    [Theory]
    [InlineData("The company was founded in 1925 by two brothers.", "1925", "1925")]
    [InlineData("The 2016 election was close.", "2016", "2016")]
    [InlineData("Debt has doubled since the 1990s in the region.", "1990s", "1990s")]
    public void Years_and_decades(string sentence, string text, string value) =>
        AssertDate(sentence, text, value);

    [Theory]
    [InlineData("In 2016, the company lost money.", "2016")]
    [InlineData("The company lost money in 2016 as sales fell.", "2016")]
    [InlineData("2016 was a bad year for the company.", "2016")]
    [InlineData("Its debt in 2014 has doubled.", "2014")]
    [InlineData("Growth slowed in 2015 versus the year before.", "2015")]
    [InlineData("The 2016 race is over.", "2016")]
    public void A_year_ending_a_clause_or_followed_by_a_function_word_is_a_year(string sentence, string year) =>
        AssertDate(sentence, year, year);

    [Theory]
    [InlineData("The port handled 1925 containers in all.")]
    [InlineData("The party won 2016 seats in all.")]
    [InlineData("The index rose 2017 percent over the decade.")]
    [InlineData("The index rose 1999% over the decade.")]
    [InlineData("The bill came to $2017 in all.")]
    [InlineData("A crowd of 12,2016 is a typo.")]
    public void A_number_that_counts_something_is_no_year(string sentence) =>
        Assert.DoesNotContain(DateSpans.Find(sentence, Wednesday), s => s.Kind == SpanKind.Date);

    [Theory]
    // The seed story, filed on a Wednesday: the rally "on Sunday" was three days before.
    [InlineData("At a protest rally over a domestic political issue on Sunday, dozens of demonstrators chanted.", "Sunday", "2017-10-29")]
    [InlineData("He said on Wednesday the talks had failed.", "Wednesday", "2017-11-01")]
    [InlineData("The minister resigned last Wednesday after the vote.", "last Wednesday", "2017-10-25")]
    [InlineData("They met last Friday in Niamey.", "last Friday", "2017-10-27")]
    [InlineData("Tuesday night's attack killed 12 people.", "Tuesday night", "2017-10-31")]
    public void A_weekday_in_the_past_is_the_latest_such_day_on_or_before_the_story(string sentence, string text, string value) =>
        AssertDate(sentence, text, value);

    [Theory]
    [InlineData("The vote will be held on Sunday in the capital.", "Sunday", "2017-11-05")]
    [InlineData("The leaders are expected to meet on Friday in Paris.", "Friday", "2017-11-03")]
    [InlineData("The court will rule on Wednesday on the appeal.", "Wednesday", "2017-11-08")]
    [InlineData("They meet again next Monday in Geneva.", "next Monday", "2017-11-06")]
    [InlineData("They meet again next Wednesday in Geneva.", "next Wednesday", "2017-11-08")]
    public void A_weekday_in_the_future_or_after_next_is_the_next_such_day_after_the_story(string sentence, string text, string value) =>
        AssertDate(sentence, text, value);

    [Theory]
    [InlineData("The minister said on Tuesday that the talks would resume.", "Tuesday", "2017-10-31")]
    [InlineData("Trump said on Monday he will decide soon.", "Monday", "2017-10-30")]
    [InlineData("Officials told reporters on Monday they would appeal.", "Monday", "2017-10-30")]
    [InlineData("The company announced Thursday it will cut jobs.", "Thursday", "2017-10-26")]
    public void A_weekday_right_after_a_reporting_verb_is_when_it_was_said_whatever_the_sentence_foretells(string sentence, string text, string value) =>
        AssertDate(sentence, text, value);

    [Fact]
    public void Real_sample_sentences_saying_on_tuesday_resolve_to_a_tuesday_in_the_week_before_the_story()
    {
        var checkedSpans = 0;
        foreach (var row in IsotSample.Rows())
        {
            var published = PublishedDateParser.Parse(row.Date);
            Assert.NotNull(published);
            foreach (var cut in SentenceSplitter.Split(row.Text))
            {
                var sentence = row.Text[cut.Start..cut.End];
                var said = Regex.Match(sentence, @"\bsaid on Tuesday\b");
                if (!said.Success) continue;
                var span = Assert.Single(DateSpans.Find(sentence, published), s => s.Start == said.Index + "said on ".Length);
                var day = DateTime.ParseExact(span.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(DayOfWeek.Tuesday, day.DayOfWeek);
                Assert.InRange((published.Value.Date - day).TotalDays, 0, 6);
                checkedSpans++;
            }
        }
        Assert.True(checkedSpans >= 100, $"only {checkedSpans} sample sentences say something on Tuesday");
    }

    [Fact]
    public void Last_beats_a_future_cue_and_a_weekday_without_a_story_date_is_its_name()
    {
        AssertDate("He will speak again, as he did last Monday.", "last Monday", "2017-10-30");
        Assert.Equal("sunday", Only("The rally was on Sunday.", null).Value);
    }

    [Theory]
    [InlineData("Friday", "", false, "2017-10-27")]
    [InlineData("Friday", "", true, "2017-11-03")]
    [InlineData("Wednesday", "", false, "2017-11-01")]
    [InlineData("Wednesday", "", true, "2017-11-08")]
    [InlineData("wednesday", "last", false, "2017-10-25")]
    [InlineData("Thursday", "next", false, "2017-11-02")]
    [InlineData("Thursday", "last", true, "2017-10-26")]
    public void WeekdayDate_counts_from_the_story_date(string weekday, string which, bool future, string expected) =>
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateSpans.WeekdayDate(Wednesday, weekday, which, future));

    [Theory]
    [InlineData("Officials said today that talks ended.", "today", "2017-11-01")]
    [InlineData("The president speaks tonight on television.", "tonight", "2017-11-01")]
    [InlineData("Officials said yesterday that talks ended.", "yesterday", "2017-10-31")]
    [InlineData("Talks resume tomorrow in Geneva.", "tomorrow", "2017-11-02")]
    [InlineData("Prices rose last month in the region.", "last month", "2017-10")]
    [InlineData("Prices rose earlier this month in the region.", "earlier this month", "2017-11")]
    [InlineData("Prices will rise next month in the region.", "next month", "2017-12")]
    [InlineData("Exports fell last year in the region.", "last year", "2016")]
    [InlineData("Exports fell earlier this year in the region.", "earlier this year", "2017")]
    [InlineData("Exports will fall next year in the region.", "next year", "2018")]
    [InlineData("Yesterday the talks ended.", "Yesterday", "2017-10-31")]
    public void Relative_dates_resolve_against_the_story(string sentence, string text, string value) =>
        AssertDate(sentence, text, value);

    [Theory]
    [InlineData("Talks ended last week without a deal.", "last week")]
    [InlineData("The report came out three weeks ago without a deal.", "three weeks ago")]
    public void Relative_dates_a_day_cannot_stand_for_keep_their_words(string sentence, string text) =>
        AssertDate(sentence, text, text);

    [Fact]
    public void Relative_dates_without_a_story_date_keep_their_words() =>
        Assert.Equal("yesterday", Only("Officials said Yesterday it ended.", null).Value);

    [Theory]
    [InlineData("Talks started on 10/4/2017 in Doha.", "10/4/2017", "2017-10-04")]
    [InlineData("Talks started on 4/10/17 in Doha.", "4/10/17", "2017-04-10")]
    [InlineData("Talks ended on 2017-10-30 in Doha.", "2017-10-30", "2017-10-30")]
    public void Numeric_dates_read_month_first_or_iso(string sentence, string text, string value) =>
        AssertDate(sentence, text, value);

    [Theory]
    [InlineData("The form says 13/45/2017 on it.")]
    [InlineData("The form says 2/30/2017 on it.")]
    public void Impossible_numeric_dates_are_no_dates(string sentence) =>
        Assert.DoesNotContain(DateSpans.Find(sentence, Wednesday), s => s.Text.Contains('/'));

    [Theory]
    [InlineData("The meeting starts at 4 p.m. in the hall.", "4 p.m.", "4pm")]
    [InlineData("Breakfast is at 7:30am sharp.", "7:30am", "7:30am")]
    [InlineData("He will announce it at 11 a.m. (1500 GMT) in Manhattan.", "11 a.m.", "11am")]
    [InlineData("Lunch is served at noon in the hall.", "noon", "noon")]
    [InlineData("The curfew starts at midnight in the city.", "midnight", "midnight")]
    [InlineData("The market opens at 9 AM in New York.", "9 AM", "9am")]
    public void Clock_times_are_times_not_dates(string sentence, string text, string value)
    {
        var span = Only(sentence, Wednesday);
        Assert.Equal(SpanKind.Time, span.Kind);
        Assert.Equal(text, span.Text);
        Assert.Equal(value, span.Value);
    }

    [Fact]
    public void Overlapping_forms_give_one_span_the_longest_first_and_spans_come_in_order()
    {
        var spans = DateSpans.Find("On Oct. 4, 2017, and again on Sunday at 4 p.m., in 2016 too.", Wednesday);

        Assert.Equal(["Oct. 4, 2017", "Sunday", "4 p.m.", "2016"], spans.Select(s => s.Text));
        Assert.Equal("2017-10-04", spans[0].Value);
        Assert.Equal(spans.OrderBy(s => s.Start), spans);
    }

    [Theory]
    [InlineData("On Oct. 4, Islamist militants attacked.", "Oct. 4, 2017")]
    [InlineData("The Oct. 3-4 mission was not intended to involve contact.", "Oct. 3-4, 2017")]
    [InlineData("At a protest rally on Sunday, dozens chanted.", "Sunday, Oct. 29, 2017")]
    [InlineData("Officials said yesterday that talks ended.", "yesterday, Oct. 31, 2017")]
    [InlineData("Tuesday night's attack killed 12 people.", "Tuesday night, Oct. 31, 2017")]
    [InlineData("The bomb went off on Sept. 12, 2016 in Kabul.", "Sept. 12, 2016")]
    [InlineData("He arrived on 4 October 2017 with his staff.", "4 October 2017")]
    [InlineData("Talks started on 10/4/2017 in Doha.", "10/4/2017")]
    [InlineData("Elections are due in March 2018 after the talks.", "March 2018")]
    [InlineData("Sales fell sharply in October at the chain.", "October")]
    [InlineData("Exports fell last year in the region.", "last year")]
    [InlineData("Talks ended last week without a deal.", "last week")]
    public void Complete_spells_a_day_out_with_its_year_and_always_begins_with_the_span(string sentence, string expected)
    {
        var span = Only(sentence, Wednesday);

        var complete = DateSpans.Complete(span, Wednesday);

        Assert.Equal(expected, complete);
        Assert.StartsWith(span.Text.TrimEnd('.'), complete);
    }

    [Fact]
    public void Complete_without_a_story_date_is_the_span_as_written()
    {
        var span = Only("At a protest rally on Sunday, dozens chanted.", null);

        Assert.Equal("Sunday", DateSpans.Complete(span, null));
    }

    [Theory]
    [InlineData("Jan.", 1)]
    [InlineData("february", 2)]
    [InlineData("Sept.", 9)]
    [InlineData("Sep", 9)]
    [InlineData("December", 12)]
    public void MonthNumber_reads_names_and_abbreviations(string month, int number) =>
        Assert.Equal(number, DateSpans.MonthNumber(month));
}
