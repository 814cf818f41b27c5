using Bot.Core.Answering.Spans;
using Bot.Core.Tests.Answering.Extractive;

namespace Bot.Core.Tests.Answering.Spans;

/// <summary>A sentence's dates, amounts and names together, none overlapping.</summary>
public class SentenceSpansTests
{
    private static readonly DateTimeOffset Published = new(2017, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_seed_storys_ambush_sentence_gives_its_date_count_and_country_in_order()
    {
        var sentence = SeedStory.Sentence("On Oct. 4, Islamist militants");

        var spans = SentenceSpans.Find(sentence, Published);

        Assert.Equal(spans.OrderBy(s => s.Start), spans);
        Assert.All(spans.Zip(spans.Skip(1)), p => Assert.True(p.First.End <= p.Second.Start, $"{p.First.Text} overlaps {p.Second.Text}"));
        Assert.Equal((SpanKind.Date, "2017-10-04"), spans.Where(s => s.Text == "Oct. 4").Select(s => (s.Kind, s.Value)).Single());
        Assert.Contains(spans, s => s is { Kind: SpanKind.Number, Text: "four", Value: "4" });
        Assert.Contains(spans, s => s is { Kind: SpanKind.Number, Text: "at least four" });
        Assert.Contains(spans, s => s is { Kind: SpanKind.Country, Text: "U.S." });
        // "Oct." is a month, not a name; the date's digits are no count.
        Assert.DoesNotContain(spans, s => s.IsName && s.Text.StartsWith("Oct", StringComparison.Ordinal));
        Assert.DoesNotContain(spans, s => s.IsAmount && s.Text == "4");
    }

    [Fact]
    public void A_weekday_or_month_is_a_date_never_a_name()
    {
        var spans = SentenceSpans.Find("Mountari spoke on Sunday in Niamey, and again in March.", Published);

        Assert.Contains(spans, s => s is { Kind: SpanKind.Date, Text: "Sunday" });
        Assert.Contains(spans, s => s is { Kind: SpanKind.Date, Text: "March" });
        Assert.DoesNotContain(spans, s => s.IsName && s.Text is "Sunday" or "March");
        Assert.Contains(spans, s => s is { Kind: SpanKind.Place, Text: "Niamey" });
    }

    [Fact]
    public void Known_people_reach_the_name_rules()
    {
        const string sentence = "However, Mountari was clear he saw them as close partners.";

        Assert.Equal(SpanKind.Name, Assert.Single(SentenceSpans.Find(sentence, Published)).Kind);
        Assert.Equal(SpanKind.Person, Assert.Single(SentenceSpans.Find(sentence, Published, new HashSet<string> { "mountari" })).Kind);
    }

    [Fact]
    public void PeopleIn_gives_the_last_names_of_people_named_in_full()
    {
        var people = SentenceSpans.PeopleIn(
            "Defence Minister Kalla Mountari told Reuters. Mountari met Bashar al-Assad. Niger and the Islamic State were named. Smith said.");

        Assert.Equal(new HashSet<string> { "mountari", "al-assad" }, people);
    }

    [Fact]
    public void The_seed_story_names_its_minister_in_full_so_his_last_name_is_a_known_person() =>
        Assert.Contains("mountari", SentenceSpans.PeopleIn(SeedStory.Article.Text));

    [Fact]
    public void Words_give_each_word_its_offsets_its_capital_and_its_analysed_terms()
    {
        const string sentence = "Four U.S. soldiers were killed on Oct. 4.";

        var words = SentenceSpans.Words(sentence);

        Assert.Equal(["Four", "U.S.", "soldiers", "were", "killed", "on", "Oct.", "4."], words.Select(w => sentence[w.Start..w.End]));
        Assert.Equal([["4"], ["us"], ["soldier"], [], ["kill"], [], ["october"], ["4"]], words.Select(w => w.Terms.ToArray()));
        Assert.Equal([true, true, false, false, false, false, true, false], words.Select(w => w.Capitalised));
    }
}
