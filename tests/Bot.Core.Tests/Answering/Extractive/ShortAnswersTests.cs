using Bot.Core.Answering.Extractive;
using Bot.Core.Answering.Spans;

namespace Bot.Core.Tests.Answering.Extractive;

/// <summary>The short answer found in real sentences of the seed story, as the ranker asks for it.</summary>
public class ShortAnswersTests
{
    private static readonly DateTimeOffset Published = SeedStory.Article.Published!.Value;

    private static readonly IReadOnlySet<string> SeedPeople = SentenceSpans.PeopleIn(SeedStory.Article.Text);

    /// <summary>The seed sentence holding <paramref name="fragment"/>, from where its story proper begins (after the dateline).</summary>
    private static string Sentence(string fragment)
    {
        var sentence = SeedStory.Sentence(fragment);
        var lead = sentence.IndexOf("Niger has asked", StringComparison.Ordinal);
        return lead > 0 ? sentence[lead..] : sentence;
    }

    private static ShortAnswerCandidate? Find(string question, string sentence, IReadOnlySet<string>? people = null, int leadStart = 0) =>
        ShortAnswers.Find(QuestionIntent.Of(question), QuestionProfile.Of(question, []).TermSet, sentence, Published, people ?? SeedPeople, leadStart);

    private static ShortAnswerCandidate AnswerOf(string question, string fragment)
    {
        var sentence = Sentence(fragment);
        var answer = Find(question, sentence);
        Assert.NotNull(answer);
        Assert.Equal(answer.Span.Text, sentence[answer.Span.Start..answer.Span.End]);
        return answer;
    }

    [Theory]
    [InlineData("Who asked the United States to arm its drones?", "Niger has asked", "Niger", SpanKind.Country)]
    [InlineData("Who told Reuters about arming the drones?", "Defence Minister Kalla Mountari", "Kalla Mountari", SpanKind.Person)]
    [InlineData("When did the ambush happen?", "On Oct. 4, Islamist militants", "Oct. 4", SpanKind.Date)]
    [InlineData("Where is the drone base?", "drone base in the central", "Agadez", SpanKind.Place)]
    [InlineData("How much did the drone base cost?", "drone base in the central", "$100million", SpanKind.Money)]
    [InlineData("How many Nigerien troops were in the team?", "team of 12", "30", SpanKind.Number)]
    [InlineData("When did demonstrators chant against foreign troops?", "protest rally", "Sunday", SpanKind.Date)]
    [InlineData("Which group did the suspected insurgents belong to?", "Greater Sahara", "Islamic State", SpanKind.Organisation)]
    public void The_seed_story_answers_in_a_few_words(string question, string fragment, string expected, SpanKind kind)
    {
        var answer = AnswerOf(question, fragment);

        Assert.Equal(expected, answer.Span.Text);
        Assert.Equal(kind, answer.Span.Kind);
    }

    [Fact]
    public void How_many_soldiers_is_answered_by_the_number_of_soldiers_not_the_nearer_number_of_partners()
    {
        var answer = AnswerOf("How many U.S. soldiers were killed?", "On Oct. 4, Islamist militants");

        Assert.Equal("four", answer.Span.Text);
        Assert.True(answer.Focused);
        Assert.Equal("4", answer.Span.Value);
        var partners = Find("How many Nigerien partners were killed?", Sentence("On Oct. 4, Islamist militants"));
        Assert.Equal("at least four", partners?.Span.Text);
    }

    [Fact]
    public void A_day_in_the_story_is_resolved_against_its_date()
    {
        Assert.Equal("2017-10-04", AnswerOf("When did the ambush happen?", "On Oct. 4, Islamist militants").Span.Value);
        // The story was filed on Wednesday, Nov. 1, 2017: the rally was the Sunday before.
        Assert.Equal("2017-10-29", AnswerOf("When did demonstrators chant against foreign troops?", "protest rally").Span.Value);
    }

    [Theory]
    [InlineData("Who asked the United States to arm its drones?", "Niger has asked", "Niger")]
    [InlineData("Who did Kalla Mountari tell about the drones?", "Defence Minister Kalla Mountari", "Reuters")]
    [InlineData("Who did Mountari tell about the drones?", "Defence Minister Kalla Mountari", "Reuters")]
    public void The_questions_own_names_are_never_its_answer(string question, string fragment, string expected)
    {
        var sentence = Sentence(fragment);
        var questionNames = NameSpans.Find(question).Select(n => n.Value.Split(' ')).ToList();

        var answer = Find(question, sentence);

        Assert.Equal(expected, answer?.Span.Text);
        Assert.DoesNotContain(questionNames, name => name.Any(answer!.Span.Value.Split(' ').Contains));
    }

    [Fact]
    public void The_questions_own_number_is_never_its_answer()
    {
        var answer = Find("How many of the 12 soldiers were killed?", "Militants killed four of the 12 soldiers.");

        Assert.Equal("four", answer?.Span.Text);
    }

    /// <summary>ISOT sample sentences (True_sample_1500.csv) that credit the outlet which reported them.</summary>
    [Fact]
    public void A_credited_outlet_answers_only_a_question_about_who_reported()
    {
        const string release = "The release came during a presentation on Tuesday from a person speaking on behalf of Guccifer 2.0 at a London cyber security conference, Politico reported.";
        const string swiss = "Neutral Switzerland is ready to provide a platform for dialogue between the Spanish government and Catalonia amid a row over independence for the region, Swiss state broadcaster RTS reported on Friday.";

        Assert.Null(Find("Who spoke on behalf of Guccifer 2.0 at the London conference?", release));
        Assert.Equal("RTS", Find("Which broadcaster reported Switzerland's offer on the Catalan dispute?", swiss)?.Span.Text);
        Assert.Equal("Reuters", Find("Who did Mountari tell about the drones?", Sentence("Defence Minister Kalla Mountari"))?.Span.Text);
    }

    [Fact]
    public void A_name_the_question_gives_by_its_initials_is_not_its_answer()
    {
        const string sentence = "The American surrendered to the Syrian Democratic Forces (SDF), a U.S.-backed alliance of mostly Arab and Kurdish fighters, on or around Sept. 12.";

        Assert.Equal("Syrian Democratic Forces", Find("Who did the American surrender to?", sentence)?.Span.Text);
        Assert.NotEqual("Syrian Democratic Forces", Find("Who surrendered to the SDF?", sentence)?.Span.Text);
    }

    /// <summary>The ISOT sample's story of the pizza makers' UNESCO listing (true_small_1000.csv), filed from Jeju.</summary>
    [Fact]
    public void A_place_something_comes_from_answers_only_where_from()
    {
        const string lead = "JEJU, South Korea (Reuters) - The art of Neapolitan pizza making won world heritage status on Thursday, joining a horse-riding game from Iran and Dutch wind mills on UNESCO's culture list.";

        // The dateline place, for want of a place where the decision was made.
        Assert.Contains(Find("Where did UNESCO make the pizza decision?", lead, leadStart: lead.IndexOf("The art", StringComparison.Ordinal))?.Span.Text, new[] { "JEJU", "South Korea" });
        Assert.Equal("Iran", Find("Where does the horse-riding game come from?", lead)?.Span.Text);
        Assert.True(QuestionIntent.Of("Where did the B-1B bombers fly from?").AsksOrigin);
    }

    /// <summary>ISOT sample sentences (True_sample_1500.csv, true_small_1000.csv): a count of something else answers no "how many".</summary>
    [Fact]
    public void A_count_of_another_noun_is_not_the_count_asked_for()
    {
        const string dreamers = "The program protects roughly 800,000 young people who were brought into the United States illegally as children.";
        const string glaser = "But lawmakers spurned AfD candidate Albert Glaser in three rounds of voting.";

        // "people" may be whoever is asked about.
        Assert.Equal("roughly 800,000", Find("How many immigrants are covered by the program?", dreamers)?.Span.Text);
        Assert.Null(Find("How many votes did the AfD's Albert Glaser get?", glaser));
        Assert.Equal("three", Find("How many rounds of voting did Glaser lose?", glaser)?.Span.Text);
    }

    [Fact]
    public void A_place_where_something_happened_is_not_who_did_it()
    {
        const string sentence = "Two people have been arrested in Sri Lanka for suspected money laundering from a Taiwanese bank whose computer system was hacked.";

        Assert.Null(Find("Who was behind the hack of the Taiwanese bank?", sentence));
        Assert.Equal("Sri Lanka", Find("Where were the two people arrested?", sentence)?.Span.Text);
    }

    /// <summary>ISOT sample sentences (True_sample_1500.csv): the stories of a Nairobi shooting and of Papadopoulos's plea.</summary>
    [Fact]
    public void The_name_of_a_person_asked_for_is_one_titled_or_set_beside_that_person()
    {
        const string shot = "A gunman shot and wounded a bodyguard to Kenya's deputy chief justice on Tuesday, police said, adding to an increasingly tense atmosphere two days before the East African nation is due to hold a repeat presidential election.";
        const string lied = "Mueller's office said Papadopoulos lied to FBI agents about the timing of contact between him and a professor in London who claimed to have information that would hurt Clinton.";

        Assert.Null(Find("What's the name of the bodyguard who was shot in Nairobi?", shot));
        Assert.Null(Find("What's the name of the London professor Papadopoulos lied to the FBI about?", lied));
        Assert.Equal("Kalla Mountari", Find("What is the name of the defence minister?", Sentence("Defence Minister Kalla Mountari"))?.Span.Text);
        Assert.Equal("Joseph Mifsud", Find("What's the name of the London professor Papadopoulos lied to the FBI about?",
            "Papadopoulos lied about his contacts with the London professor, Joseph Mifsud, who claimed to have information.")?.Span.Text);
    }

    /// <summary>The ISOT sample's story of Minnesota's governor (True_sample_1500.csv), filed July 19, 2017.</summary>
    [Fact]
    public void A_day_before_the_story_was_filed_answers_no_when_will()
    {
        const string sentence = "Minnesota Governor Mark Dayton's May 30 veto of funding for the state legislature was unconstitutional, a judge said.";
        var filed = new DateTimeOffset(2017, 7, 19, 0, 0, 0, TimeSpan.Zero);
        ShortAnswerCandidate? At(string question) =>
            ShortAnswers.Find(QuestionIntent.Of(question), QuestionProfile.Of(question, []).TermSet, sentence, filed);

        Assert.Null(At("When will the Minnesota Supreme Court hear Dayton's appeal?"));
        Assert.Equal("May 30", At("When did Dayton veto the legislature's funding?")?.Span.Text);
        Assert.True(QuestionIntent.Of("When does Bob Iger's contract run out?").AsksFuture);
        Assert.False(QuestionIntent.Of("When did the ambush happen?").AsksFuture);
    }

    [Fact]
    public void A_country_answers_which_government_but_not_which_company()
    {
        const string sentence = "By 2024 the U.S. plans to provide the Afghans with at least 159 Black Hawks, including 58 fitted with extra rocket pods and machine guns to provide close air support.";

        Assert.Equal("U.S.", Find("Which government will provide the Black Hawks?", sentence)?.Span.Text);
        Assert.Null(Find("Which company will provide the Black Hawks?", sentence));
    }

    [Fact]
    public void A_title_holding_the_questions_name_rules_out_the_whole_name()
    {
        const string sentence = "Judge John Guthmann voided the veto of Governor Mark Dayton on Monday.";

        var answer = Find("Which judge voided Dayton's veto?", sentence);

        Assert.Equal("John Guthmann", answer?.Span.Text);
    }

    [Fact]
    public void The_dateline_place_answers_only_when_the_sentence_names_no_other()
    {
        var first = SeedStory.Sentence("Niger has asked");
        var dateline = first[first.IndexOf("NIAMEY", StringComparison.Ordinal)..];
        var leadStart = dateline.IndexOf("Niger has asked", StringComparison.Ordinal);
        const string question = "Where did Niger ask the United States to use armed drones?";

        Assert.Equal("NIAMEY", Find(question, dateline)?.Span.Text);
        Assert.Equal("Mali", Find(question, dateline, leadStart: leadStart)?.Span.Text);
        Assert.Equal("NIAMEY", Find("Where was the story filed?", "NIAMEY (Reuters) - The minister spoke.", leadStart: 19)?.Span.Text);
    }

    [Fact]
    public void For_who_a_person_comes_before_an_organisation_and_a_known_last_name_is_a_person()
    {
        var sentence = Sentence("Mountari said the team of 12");
        const string question = "Who said the team had been right up to the border?";

        var withPeople = Find(question, sentence);
        var withoutPeople = Find(question, sentence, new HashSet<string>());

        Assert.Equal(("Mountari", SpanKind.Person), (withPeople?.Span.Text, withPeople?.Span.Kind));
        Assert.True(withPeople!.Preference > 0.3, $"a person's preference was {withPeople.Preference}");
        // Without the story's people, the speaker verb still makes him a person.
        Assert.Equal(SpanKind.Person, withoutPeople?.Span.Kind);
    }

    /// <summary>Sentences of the ISOT sample (true_small_1000.csv) where the nearest name to one question word is not the answer.</summary>
    [Theory]
    [InlineData("Who is Vietnam's president?",
        "U.S. President Donald Trump and Vietnamese President Tran Dai Quang underscored the importance of free and open access to South China Sea, in a joint statement issued on Sunday.",
        "Tran Dai Quang")]
    [InlineData("Who heads the Party of Hope?",
        "The Oct. 22 lower house election pits Abe's Liberal Democratic Party-led coalition against the less than one-month-old Party of Hope headed by popular Tokyo Governor Yuriko Koike, a former LDP lawmaker often floated as a possible first female premier.",
        "Yuriko Koike")]
    [InlineData("Who did Saad Hariri meet in Beirut the day before he resigned?",
        "Hariri's resignation comes only a day after he met Ali Akbar Velayati, an advisor to Iranian Supreme Leader Ayatollah Ali Khamenei, in Beirut.",
        "Ali Akbar Velayati")]
    [InlineData("Who is the UN secretary-general who said there's no alternative to two states?",
        "United Nations Secretary-General Antonio Guterres said on Wednesday that there was no alternative to a two-state solution between Israel and the Palestinians.",
        "Antonio Guterres")]
    [InlineData("Where is the Al-Nadwa madrassa?",
        "The Al-Nadwa Madrassa in the hill station of Murree, 30 kilometers (19 miles) from the capital, Islamabad, is part of an established alternative system of education in the South Asian nation.",
        "Murree")]
    // ISOT, "Obama, Sanders to meet at White House on Wednesday" and the Finsbury Park trial: a building named like an institution.
    [InlineData("Where will Obama and Sanders meet?",
        "“The two will meet privately in the Oval Office and there will be no formal agenda,” White House spokesman Josh Earnest said.",
        "Oval Office")]
    [InlineData("Where will the trial be held?", "His trial will start on Jan. 22 at Woolwich Crown Court in London.", "Woolwich Crown Court")]
    [InlineData("Which hacker were the new documents attributed to?",
        "A link to the documents was posted on WikiLeaks’ Twitter account and attributed to alleged hacker Guccifer 2.0.",
        "Guccifer")]
    public void The_answer_stands_among_the_questions_words_and_a_title_belongs_to_its_name(string question, string sentence, string expected) =>
        Assert.Equal(expected, Find(question, sentence, new HashSet<string>())?.Span.Text);

    [Theory]
    [InlineData("Which country does consular work for the US in North Korea?",
        "The United States has no embassy in Pyongyang and relies on Sweden, the so-called U.S. protecting power there, to do consular work, especially when Westerners get into trouble.",
        "Sweden")]
    public void Which_country_is_answered_by_a_country(string question, string sentence, string expected) =>
        Assert.Equal(expected, Find(question, sentence, new HashSet<string>())?.Span.Text);

    /// <summary>Two sentences of one ISOT story (True_sample_1500.csv, the G20 raids): only the second counts properties.</summary>
    [Fact]
    public void An_amount_counts_the_noun_only_when_no_other_noun_or_verb_comes_between_and_never_another_noun()
    {
        const string question = "How many properties did German police search in the G20 raids?";

        var officers = Find(question, "Police said nearly 600 officers raided properties in states from Hamburg and Berlin to western North Rhine-Westphalia and southern Baden-Wuerttemberg.");
        var properties = Find(question, "Officers searched 23 properties believed to be used by  Black Bloc  anti-capitalist group in eight German states, the Hamburg force said.");

        // Nearly 600 counts officers, not properties: no answer there.
        Assert.Null(officers);
        Assert.Equal(("23", true), (properties?.Span.Text, properties?.Focused));
    }

    [Fact]
    public void Nearness_falls_with_distance_from_the_questions_words()
    {
        var near = Find("How many U.S. soldiers were killed?", "Militants killed four U.S. soldiers.");
        var far = Find("How many U.S. soldiers were killed?", "Four were found, and much later, after a long and difficult search, militants killed soldiers.");

        Assert.NotNull(near);
        Assert.NotNull(far);
        Assert.InRange(near.Nearness, 0.9, 1);
        Assert.InRange(far.Nearness, 0.01, near.Nearness - 0.3);
        Assert.Equal(0, Find("How many U.S. soldiers were killed?", "There were four of them.")!.Nearness);
    }

    [Theory]
    [InlineData("Why did Niger ask for armed drones?", "Niger has asked")]
    [InlineData("What did Mountari say about the ambush?", "Mountari said: They")]
    [InlineData("Tell me about the drone base", "drone base in the central")]
    public void Questions_wanting_an_account_get_no_short_answer(string question, string fragment) =>
        Assert.Null(Find(question, Sentence(fragment)));

    [Theory]
    [InlineData("How much did the drone base cost?", "Defence Minister Kalla Mountari")]
    [InlineData("When did the minister speak?", "The Americans are not just exchanging")]
    [InlineData("How old is Kalla Mountari?", "Defence Minister Kalla Mountari")]
    public void A_sentence_without_a_span_of_the_wanted_kind_gives_none(string question, string fragment) =>
        Assert.Null(Find(question, Sentence(fragment)));
}
