using Bot.Core.Answering;
using Bot.Core.Conversations;

namespace Bot.Core.Tests.Conversations;

/// <summary>Follow-ups made to stand alone without a language model; one still leaning on a pronoun is searched with the question it follows.</summary>
public class FollowUpQueryRewriterTests
{
    private const string Drones = "Who asked the U.S. to arm its drones?";

    private static async Task<RewrittenQuestion> RewriteAsync(string question, string previous, params string[] people) =>
        await FollowUpQueryRewriter.Instance.RewriteAsync(question, [new ConversationTurn(previous, "Niger. \"Niger has asked...\" [1]") { People = people }],
            TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("What did he say about the ambush?", "What did Kalla Mountari say about the ambush?")]
    [InlineData("Did he meet the Americans?", "Did Kalla Mountari meet the Americans?")]
    [InlineData("Where did reporters interview him?", "Where did reporters interview Kalla Mountari?")]
    [InlineData("What is his job?", "What is Kalla Mountari's job?")]
    [InlineData("Where is his office?", "Where is Kalla Mountari's office?")]
    public async Task Pronouns_become_the_person_the_previous_answer_is_about(string question, string expected)
    {
        var rewritten = await RewriteAsync(question, Drones, "Kalla Mountari", "Tim Cocks");

        Assert.Equal(expected, rewritten.Question);
        Assert.Equal(expected, rewritten.Query); // made whole, it is searched alone
    }

    [Theory]
    [InlineData("How old is her lawyer?", "How old is Siti Aisyah's lawyer?")]
    [InlineData("What did police tell her about it?", "What did police tell Siti Aisyah about it?")]
    [InlineData("Was she charged?", "Was Siti Aisyah charged?")]
    public async Task Her_is_possessive_only_before_a_content_word(string question, string expected) =>
        Assert.Equal(expected, (await RewriteAsync(question, "How old is Siti Aisyah?", "Siti Aisyah")).Question);

    [Theory]
    [InlineData("And where?", "When did the ambush happen?", "Where did the ambush happen?")]
    [InlineData("where?", "When did the ambush happen?", "Where did the ambush happen?")]
    [InlineData("OK, why", "When did the ambush happen?", "Why did the ambush happen?")]
    [InlineData("What about when?", "Where did the ambush happen?", "When did the ambush happen?")]
    [InlineData("And on what date?", "Where was the rally held?", "On what date was the rally held?")]
    public async Task A_bare_question_word_asks_the_previous_question_again(string question, string previous, string expected)
    {
        var rewritten = await RewriteAsync(question, previous);

        Assert.Equal(expected, rewritten.Question);
        Assert.Equal(expected, rewritten.Query);
    }

    [Fact]
    public async Task A_question_asked_again_that_still_leans_on_a_pronoun_is_searched_with_the_previous_question()
    {
        const string previous = "What date is Trump naming his running mate?";

        var rewritten = await RewriteAsync("And where?", previous);

        Assert.Equal("Where is Trump naming his running mate?", rewritten.Question);
        Assert.Equal($"Where is Trump naming his running mate? {previous}", rewritten.Query);
    }

    [Theory]
    [InlineData("And where?", "How many soldiers died?")]
    [InlineData("And where?", "Where?")]
    public void A_bare_question_word_is_not_asked_again_when_the_previous_question_does_not_read_that_way(string question, string previous) =>
        Assert.Null(FollowUpQueryRewriter.AskedAgain(question, previous));

    [Theory]
    [InlineData("And the Vietnamese woman?", "How old is Siti Aisyah?", "How old is the Vietnamese woman?")]
    [InlineData("What about Doan Thi Huong?", "How old is Siti Aisyah?", "How old is Doan Thi Huong?")]
    [InlineData("And Gates's?", "What was Paul Manafort's bond?", "What was Gates's bond?")]
    [InlineData("And Rick Gates's?", "What was Paul Manafort's bond?", "What was Rick Gates's bond?")]
    [InlineData("How about Nigeria?", "How many soldiers does Niger have?", "How many soldiers does Nigeria have?")]
    public async Task And_a_new_subject_asks_the_previous_question_about_it(string question, string previous, string expected)
    {
        var rewritten = await RewriteAsync(question, previous, "Siti Aisyah");

        Assert.Equal(expected, rewritten.Question);
        Assert.Equal(expected, rewritten.Query);
    }

    [Theory]
    [InlineData("And how much did it cost?", "How many soldiers does Niger have?")]
    [InlineData("And the long list of soldiers killed in the Sahel since 2013?", "How many soldiers does Niger have?")]
    [InlineData("And the Vietnamese woman?", "how old is she?")]
    public void AboutSomeoneElse_needs_a_short_subject_and_a_name_to_replace(string question, string previous) =>
        Assert.Null(FollowUpQueryRewriter.AboutSomeoneElse(question, previous));

    [Theory]
    [InlineData("How many Nigerien soldiers were killed in the ambush?")]
    [InlineData("Who is the defence minister of Niger?")]
    [InlineData("What is the capital of Australia?")]
    public async Task A_stand_alone_question_is_unchanged_and_searched_alone(string question)
    {
        var rewritten = await RewriteAsync(question, Drones, "Kalla Mountari");

        Assert.Equal(RewrittenQuestion.Unchanged(question), rewritten);
    }

    [Fact]
    public async Task Without_history_nothing_changes()
    {
        var rewritten = await FollowUpQueryRewriter.Instance.RewriteAsync("What did he say?", [], TestContext.Current.CancellationToken);

        Assert.Equal(RewrittenQuestion.Unchanged("What did he say?"), rewritten);
    }

    [Fact]
    public async Task A_follow_up_with_no_one_to_resolve_stays_as_asked_but_is_searched_with_the_previous_question()
    {
        var rewritten = await RewriteAsync("What did they ask for?", Drones, "Kalla Mountari");
        var nobody = await RewriteAsync("What did he say?", Drones);

        Assert.Equal("What did they ask for?", rewritten.Question);
        Assert.Equal($"What did they ask for? {Drones}", rewritten.Query);
        Assert.Equal(("What did he say?", $"What did he say? {Drones}"), (nobody.Question, nobody.Query));
    }

    [Fact]
    public async Task They_is_shown_as_the_country_or_organisation_the_previous_answer_named_and_searched_with_that_question()
    {
        var turn = new ConversationTurn(Drones, "Niger. \"Niger has asked...\" [1]") { People = ["Kalla Mountari"], Group = "Niger" };

        var rewritten = await FollowUpQueryRewriter.Instance.RewriteAsync("What did they ask for?", [turn], TestContext.Current.CancellationToken);
        var possessive = await FollowUpQueryRewriter.Instance.RewriteAsync("Who is their defence minister?", [turn], TestContext.Current.CancellationToken);

        Assert.Equal("What did Niger ask for?", rewritten.Question);
        Assert.Equal($"What did Niger ask for? {Drones}", rewritten.Query);
        Assert.Equal("What did they ask for?", rewritten.OwnWords);
        Assert.Equal("Who is Niger's defence minister?", possessive.Question);
    }

    [Fact]
    public void The_group_of_an_answer_is_its_short_answer_when_that_is_one_country_or_organisation()
    {
        static Answer With(string brief) => new($"{brief}. \"...\" [1]", false, []) { Short = new ShortAnswer(brief, 1, brief, 0, brief.Length) };

        Assert.Equal("Niger", AnswerPeople.GroupOf(With("Niger")));
        Assert.Null(AnswerPeople.GroupOf(With("Kalla Mountari")));
        Assert.Null(AnswerPeople.GroupOf(With("Oct. 4, 2017")));
        Assert.Null(AnswerPeople.GroupOf(Answer.Abstain("The archive does not say.", "extractive")));
    }

    /// <summary>Previous questions of the news set's follow-up pairs (eval/news-questions.jsonl).</summary>
    [Theory]
    [InlineData("Where's the US drone base in Niger?", "the US drone base")]
    [InlineData("When does the Finsbury Park attack trial start?", "the Finsbury Park attack trial")]
    [InlineData("Where will the Obama Presidential Center be built?", "the Obama Presidential Center")]
    [InlineData("How much did Twitter make from RT advertising since 2011?", "Twitter")]
    [InlineData("Who asked the U.S. to arm its drones?", null)]
    [InlineData("How old is Siti Aisyah?", null)]
    public void The_subject_of_a_question_is_the_thing_named_after_its_question_word(string question, string? subject) =>
        Assert.Equal(subject, FollowUpQueryRewriter.SubjectOf(question));

    [Fact]
    public async Task It_is_shown_as_the_previous_questions_subject_and_searched_with_that_question()
    {
        const string previous = "Where will the Obama Presidential Center be built?";

        var rewritten = await RewriteAsync("How long will it take to build?", previous);
        var possessive = await RewriteAsync("What is its budget?", previous);
        var happening = await RewriteAsync("What day did it happen?", "Where was the Swiss aid worker kidnapped in Sudan?");

        Assert.Equal("How long will the Obama Presidential Center take to build?", rewritten.Question);
        Assert.Equal($"{rewritten.Question} {previous}", rewritten.Query);
        // A guess: quotes need only the follow-up's own words.
        Assert.Equal("How long will it take to build?", rewritten.OwnWords);
        Assert.Equal("What is the Obama Presidential Center's budget?", possessive.Question);
        // "it" that happened is the event, not a thing the question named.
        Assert.Equal("What day did it happen?", happening.Question);
    }

    [Theory]
    [InlineData("Where in the White House?", "On what date were Obama and Bernie Sanders meeting at the White House?")]
    [InlineData("And when in 2016?", "Where did Trump hold his rallies?")]
    public async Task A_question_word_with_a_phrase_and_no_verb_narrows_the_previous_question(string question, string previous)
    {
        var rewritten = await RewriteAsync(question, previous);

        Assert.Equal((question, $"{question} {previous}"), (rewritten.Question, rewritten.Query));
    }

    [Fact]
    public async Task Only_the_latest_turn_is_leant_on_and_its_first_person()
    {
        var history = new[]
        {
            new ConversationTurn("How old is Siti Aisyah?", "25.") { People = ["Siti Aisyah"] },
            new ConversationTurn(Drones, "Niger.") { People = ["Kalla Mountari", "Tim Cocks"] },
        };

        var rewritten = await FollowUpQueryRewriter.Instance.RewriteAsync("What did he say?", history, TestContext.Current.CancellationToken);

        Assert.Equal(("What did Kalla Mountari say?", "What did Kalla Mountari say?"), (rewritten.Question, rewritten.Query));
    }

    [Fact]
    public void ResolvePerson_replaces_every_pronoun_whatever_its_case_and_keeps_the_rest() =>
        Assert.Equal("Did Kalla Mountari say Kalla Mountari's office would help?",
            FollowUpQueryRewriter.ResolvePerson("Did He say his office would help?", "Kalla Mountari"));
}
