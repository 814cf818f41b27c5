using Bot.Core.Answering.Spans;
using Bot.Core.Tests.Answering.Extractive;

namespace Bot.Core.Tests.Answering.Spans;

/// <summary>Names told apart by rule: people (titles left out), organisations, places and countries.</summary>
public class NameSpansTests
{
    private static AnswerSpan Named(string sentence, string text, IReadOnlySet<string>? knownPeople = null)
    {
        var span = Assert.Single(NameSpans.Find(sentence, knownPeople), s => s.Text == text);
        Assert.Equal(text, sentence[span.Start..span.End]);
        return span;
    }

    private static void AssertKind(string sentence, string text, SpanKind kind) => Assert.Equal(kind, Named(sentence, text).Kind);

    [Fact]
    public void The_seed_storys_minister_is_a_person_without_his_title()
    {
        var sentence = SeedStory.Sentence("Defence Minister Kalla Mountari");

        var minister = Named(sentence, "Kalla Mountari");

        Assert.Equal(SpanKind.Person, minister.Kind);
        Assert.Equal("kalla mountari", minister.Value);
        Assert.DoesNotContain(NameSpans.Find(sentence), s => s.Text.Contains("Minister", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Former CIA Director John Brennan testified on Tuesday.", "John Brennan")]
    [InlineData("Turkish President Tayyip Erdogan said the vote was fair.", "Tayyip Erdogan")]
    [InlineData("U.S. President Donald Trump said he would decide soon.", "Donald Trump")]
    [InlineData("He met Chancellor Angela Merkel at the Kremlin.", "Angela Merkel")]
    [InlineData("Sen. John McCain and Rep. Nancy Pelosi spoke.", "John McCain")]
    [InlineData("Sen. John McCain and Rep. Nancy Pelosi spoke.", "Nancy Pelosi")]
    [InlineData("He met Dr. Jane Doe in the capital.", "Jane Doe")]
    public void Titles_in_front_are_left_out_and_make_the_rest_a_person(string sentence, string person)
    {
        AssertKind(sentence, person, SpanKind.Person);
        Assert.DoesNotContain(NameSpans.Find(sentence), s => s.Text.EndsWith(" " + person, StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_followed_by_an_organisation_word_is_a_company() =>
        AssertKind("General Motors said sales rose.", "General Motors", SpanKind.Organisation);

    [Theory]
    [InlineData("Prime Minister Theresa May's government fell.", "Theresa May", SpanKind.Person)]
    [InlineData("However, Mountari's office declined to comment.", "Mountari", SpanKind.Name)]
    [InlineData("The plan needs Congress’s approval.", "Congress", SpanKind.Organisation)]
    [InlineData("He criticised the Pentagon's budget.", "Pentagon", SpanKind.Organisation)]
    [InlineData("He praised the Islamic State's rivals.", "Islamic State", SpanKind.Organisation)]
    [InlineData("A link to the documents was posted on WikiLeaks’ Twitter account.", "Twitter", SpanKind.Name)]
    public void Possessives_are_no_part_of_the_name(string sentence, string text, SpanKind kind) => AssertKind(sentence, text, kind);

    [Theory]
    [InlineData("The Islamic State in the Greater Sahara group claimed it.", "Islamic State")]
    [InlineData("The Bank of England raised rates.", "Bank of England")]
    [InlineData("The Federal Reserve held rates.", "Federal Reserve")]
    [InlineData("The Pentagon and the Kremlin disagreed.", "Pentagon")]
    [InlineData("The NATO alliance and the FBI said so.", "NATO")]
    [InlineData("The NATO alliance and the FBI said so.", "FBI")]
    [InlineData("Kalla Mountari told Reuters in an interview.", "Reuters")]
    [InlineData("The U.S. Special Forces soldiers were there.", "U.S. Special Forces")]
    public void Organisation_words_and_acronyms_make_organisations(string sentence, string text) =>
        AssertKind(sentence, text, SpanKind.Organisation);

    [Theory]
    [InlineData("The Center for Strategic and International Studies said so.", "Center for Strategic")]
    [InlineData("He met the Minister for Foreign Affairs on Monday.", "Minister for Foreign Affairs")]
    public void For_joins_a_name_after_an_organisation_word_or_a_title(string sentence, string text)
    {
        Assert.Contains(NameSpans.Find(sentence), s => s.Text == text);
        // The office is not a person named after a title.
        Assert.DoesNotContain(NameSpans.Find(sentence), s => s.Text.StartsWith("for ", StringComparison.Ordinal));
    }

    [Fact]
    public void For_does_not_join_two_names_otherwise()
    {
        // ISOT, "U.N. chief says no alternative to two state solution in Middle East": a question about it.
        var spans = NameSpans.Find("What did Guterres say about a Plan B for Israel and the Palestinians?");

        Assert.DoesNotContain(spans, s => s.Text.Contains(" for ", StringComparison.Ordinal));
        Assert.DoesNotContain(spans, s => s.Kind == SpanKind.Person && s.Text.StartsWith("Plan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sources told the FBI.", "FBI", SpanKind.Organisation)]
    [InlineData("He said it was the fault of NATO.", "NATO", SpanKind.Organisation)]
    [InlineData("It was filed in NIAMEY.", "NIAMEY", SpanKind.Place)]
    [InlineData("The aid came from the U.S.", "U.S.", SpanKind.Country)]
    [InlineData("The deal was signed by Apple Inc.", "Apple Inc.", SpanKind.Organisation)]
    public void A_full_stop_ending_the_sentence_is_no_part_of_the_name_but_an_acronyms_dots_are(string sentence, string text, SpanKind kind) =>
        AssertKind(sentence, text, kind);

    [Fact]
    public void A_connector_never_ends_a_name() =>
        AssertKind("He worked at the Bank of and then left.", "Bank", SpanKind.Organisation);

    [Theory]
    [InlineData("He flew to Mexico City on a visit.", "Mexico City")]
    [InlineData("Bashar al-Assad met Vladimir Putin in Moscow.", "Moscow")]
    [InlineData("Kim Jong Nam was killed at Kuala Lumpur airport.", "Kuala Lumpur")]
    [InlineData("The court in The Hague ruled.", "The Hague")]
    [InlineData("He met Mr. Smith in St. Louis today.", "St. Louis")]
    [InlineData("Washington had accepted the request.", "Washington")]
    public void The_gazetteer_makes_places(string sentence, string text) => AssertKind(sentence, text, SpanKind.Place);

    /// <summary>Sentence openings from the ISOT sample (true_small_1000.csv, some shortened): how a lone capitalised word there is read.</summary>
    [Fact]
    public void A_lone_word_opening_a_sentence_is_a_name_only_when_something_says_so()
    {
        Assert.DoesNotContain(NameSpans.Find("Influential state-run Chinese tabloid the Global Times said in an editorial on Thursday that Zimbabwe was unlikely to reverse its relations with China."),
            s => s.Text == "Influential");
        AssertKind("Erdogan said in a speech to members of his AK Party that Turkey's consulate was represented.", "Erdogan", SpanKind.Person);
        AssertKind("Mueller’s office said Papadopoulos lied to FBI agents.", "Mueller", SpanKind.Name);
        Assert.Equal(SpanKind.Person, NameSpans.Find("Obama grew up in Hawaii.", new HashSet<string> { "obama" }).Single(s => s.Text == "Obama").Kind);
        Assert.DoesNotContain(NameSpans.Find("Obama grew up in Hawaii."), s => s.Text == "Obama");
    }

    [Theory]
    [InlineData("It includes a $100million drone base in the central Nigerien city of Agadez which, however, deploys drones.", "Agadez")]
    [InlineData("He visited the town of Tongo Tongo with his aides.", "Tongo Tongo")]
    [InlineData("Clashes broke out in Zamfara on Monday.", "Zamfara")]
    [InlineData("The Al-Nadwa Madrassa in the hill station of Murree is part of an alternative system of education.", "Murree")]
    public void The_city_of_or_a_preposition_makes_an_unknown_name_a_place(string sentence, string text) =>
        AssertKind(sentence, text, SpanKind.Place);

    [Fact]
    public void A_name_after_a_preposition_that_goes_on_to_speak_is_a_person_not_a_place() =>
        AssertKind("The request came from Mountari, who runs the ministry.", "Mountari", SpanKind.Person);

    [Fact]
    public void Countries_are_countries_and_demonyms_alone_name_no_one()
    {
        const string sentence = "Niger has asked the United States to start using armed drones.";

        AssertKind(sentence, "Niger", SpanKind.Country);
        AssertKind(sentence, "United States", SpanKind.Country);
        AssertKind("The U.S. military has been adamant.", "U.S.", SpanKind.Country);
        Assert.Empty(NameSpans.Find("Nigerien troops and Americans were there."));
        Assert.Empty(NameSpans.Find("The clear proof is that the Americans and Nigeriens fell on the battlefield."));
    }

    [Theory]
    [InlineData("However, Mountari was clear he saw them as close partners.", "Mountari")]
    [InlineData("Critics said the plan was flawed.", null)]
    [InlineData("Officials said the plan was flawed.", null)]
    [InlineData("Asked if Washington had accepted the request, he said no.", "Washington")]
    [InlineData("Meanwhile Niger asked for drones.", "Niger")]
    [InlineData("The minister left.", null)]
    public void A_sentences_first_word_is_a_name_only_when_it_is_no_common_word(string sentence, string? only)
    {
        var names = NameSpans.Find(sentence);

        Assert.Equal(only is null ? [] : [only], names.Select(n => n.Text));
    }

    [Fact]
    public void A_place_opening_a_sentence_is_still_a_place() =>
        AssertKind("Niamey is the capital.", "Niamey", SpanKind.Place);

    [Fact]
    public void A_lone_word_is_a_person_when_the_passage_names_them_in_full_or_they_speak()
    {
        const string sentence = "However, Mountari was clear he saw them as close partners.";

        Assert.Equal(SpanKind.Name, Named(sentence, "Mountari").Kind);
        Assert.Equal(SpanKind.Person, Named(sentence, "Mountari", new HashSet<string> { "mountari" }).Kind);
        Assert.Equal(SpanKind.Person, Named("He declined, Mountari said.", "Mountari").Kind);
    }

    [Theory]
    [InlineData("Bashar al-Assad met Vladimir Putin in Moscow.", "Bashar al-Assad")]
    [InlineData("The minister met Ban Ki-moon on Friday.", "Ban Ki-moon")]
    [InlineData("Indonesian Siti Aisyah, 25, and Doan Thi Huong, 28, are charged.", "Doan Thi Huong")]
    [InlineData("He met Leonardo da Vinci in a dream.", "Leonardo da Vinci")]
    public void Two_to_four_capitalised_words_with_their_particles_are_a_person(string sentence, string person) =>
        AssertKind(sentence, person, SpanKind.Person);

    [Fact]
    public void A_lone_letter_names_nothing() =>
        Assert.DoesNotContain(NameSpans.Find("The U.S-backed forces took Raqqa."), s => s.Text.Length < 2);

    [Theory]
    [InlineData("The talks were held with John Smith. The minister left.", "John Smith")]
    [InlineData("The talks were led by Mountari. Niger asked for drones.", "Mountari", "Niger")]
    [InlineData("Syrian President Bashar al-Assad. Russia agreed.", "Bashar al-Assad", "Russia")]
    [InlineData("The deal was signed by Apple Inc. Analysts were split.", "Apple Inc.")]
    public void A_name_ends_with_its_sentence(string text, params string[] names) =>
        Assert.Equal(names, NameSpans.Find(text).Select(n => n.Text));

    [Theory]
    [InlineData("He met Mr. John Smith there.", "John Smith")]
    [InlineData("He met J. Smith there.", "J. Smith")]
    [InlineData("The U.S. Special Forces soldiers were there.", "U.S. Special Forces")]
    [InlineData("He lives in St. Louis now.", "St. Louis")]
    public void A_name_runs_on_past_the_dot_of_a_title_initial_or_acronym(string text, string name) =>
        Assert.Equal([name], NameSpans.Find(text).Select(n => n.Text));

    [Fact]
    public void Names_are_runs_separated_by_anything_but_one_space()
    {
        var names = NameSpans.Find("Bashar al-Assad met Vladimir Putin, Xi Jinping and Narendra Modi.");

        Assert.Equal(["Bashar al-Assad", "Vladimir Putin", "Xi Jinping", "Narendra Modi"], names.Select(n => n.Text));
        Assert.All(names, n => Assert.Equal(SpanKind.Person, n.Kind));
    }
}
