using Bot.Core.Analysis;
using Bot.Core.Answering.Extractive;

namespace Bot.Core.Tests.Answering.Extractive;

/// <summary>The cues that tell a doctored question (SQuAD 2.0 style) from the sentence it was made from.</summary>
public class UnanswerabilityCuesTests
{
    private static Words W(string text) => Words.Of(text);

    [Fact]
    public void Negation_governs_the_content_words_right_after_it_including_split_contractions()
    {
        Assert.Contains("exempt", Negation.GovernedStems(W("Who was not exempt from taxes?")));
        Assert.Contains("arm", Negation.GovernedStems(W("Niger didn't arm the drones.")));
        Assert.Contains("arm", Negation.GovernedStems(W("Niger didn t arm the drones.")));
        Assert.Empty(Negation.GovernedStems(W("Niger asked the United States to arm its drones.")));
        Assert.True(Negation.IsNegated(W("They never returned.")));
        Assert.False(Negation.IsNegated(W("They returned.")));
    }

    /// <summary>The ISOT sample's story of a judicial nominee (True_sample_1500.csv), asked as a follow-up rewritten with his full name.</summary>
    private static readonly Bot.Core.Retrieval.Passage Talley = WholePassage(AnswerFixture.Make("talley", "Trump judicial nominee Talley withdraws",
        "Talley was reported by online magazine Slate as having posted online sympathetic comments about the early history of the Ku Klux Klan. "
        + "He also failed to disclose that his wife works in the White House Counsel's office."));

    private static Bot.Core.Retrieval.Passage WholePassage(Bot.Core.Articles.Article article) => AnswerFixture.PassageOf(article, 0, 0, article.Text.Length);

    [Fact]
    public void A_person_named_by_the_last_name_alone_is_not_a_missing_name()
    {
        var features = ExtractiveReader.Read("What did Brett Talley fail to disclose?", [Talley], asked: "What did he fail to disclose?").Features!;

        Assert.False(features.EntityMissing);
        Assert.True(ExtractiveReader.Read("What did Brett Kavanaugh fail to disclose?", [Talley]).Features!.EntityMissing);
    }

    [Fact]
    public void A_negated_question_matches_a_negation_in_the_neighbour_quoted_with_the_best_sentence()
    {
        var reading = ExtractiveReader.Read("What did Talley, reported by online magazine Slate, fail to disclose?", [Talley]);

        Assert.StartsWith("Talley was reported", reading.Ranked[0].Candidate.Text);
        Assert.False(reading.Features!.NegationMismatch);
    }

    [Fact]
    public void A_question_asking_the_opposite_of_the_sentence_is_flipped()
    {
        Assert.True(Opposites.Flipped(W("What is the least common bird?"), W("The sparrow is the most common bird.")));
        Assert.True(Opposites.Flipped(W("Which regions are unconnected?"), W("The northern regions are connected by rail.")));
        Assert.False(Opposites.Flipped(W("What is the most common bird?"), W("The sparrow is the most common bird.")));
    }

    [Fact]
    public void A_name_or_number_in_the_place_of_the_sentences_is_a_substitution()
    {
        var name = Substitutions.Find(W("Who coached Harvard football team in 1920?"), W("Smith coached the Yale football team in 1920."));
        var number = Substitutions.Find(W("What happened in 1921 elections?"), W("Riots followed the 1920 elections."));
        var same = Substitutions.Find(W("Who coached the Yale football team?"), W("Smith coached the Yale football team in 1920."));

        Assert.True(name.NameOrNumber);
        Assert.True(number.NameOrNumber);
        Assert.False(same.NameOrNumber);
        Assert.False(same.Modifier);
    }

    [Fact]
    public void A_content_word_swapped_before_a_shared_one_is_a_modifier_substitution()
    {
        var swapped = Substitutions.Find(W("What is a limited collection of sets?"), W("A union is an infinite collection of sets."));

        Assert.True(swapped.Modifier);
        Assert.False(swapped.NameOrNumber);
    }

    [Fact]
    public void The_word_after_how_asks_so_it_is_no_term_no_substitution_and_no_opposite()
    {
        var profile = QuestionProfile.Of("How many containers did the port of Katavo handle?", []);

        Assert.Equal(["contain", "port", "katavo", "handl"], profile.Terms);
        Assert.False(Substitutions.Find(profile.Words, W("The port of Katavo handled 1000 containers last year.")).Modifier);
        Assert.False(Opposites.Flipped(W("How long was the strike?"), W("The strike was short.")));
        Assert.True(Opposites.Flipped(W("Why was the strike long?"), W("The strike was short.")));
    }

    [Theory]
    [InlineData("On what date did protesters in Niger start chanting against foreign troops?", "date")]
    [InlineData("What time is Cruz making his big announcement?", "time")]
    [InlineData("What's Timochenko's real name?", "name")]
    public void The_kind_of_answer_a_what_names_is_no_term(string question, string kind)
    {
        var profile = QuestionProfile.Of(question, []);

        Assert.DoesNotContain(kind, profile.Terms);
        Assert.Contains(kind, TextAnalyzer.Terms(question));
    }

    [Theory]
    [InlineData("What percentage of likely voters backed Trump in the Reuters/Ipsos poll?", "percentag")]
    [InlineData("Why did the committee put off its decision until a later date?", "date")]
    [InlineData("What did the minister say about the time the patrol spent in Mali?", "time")]
    public void A_kind_word_the_answer_repeats_or_that_no_what_names_stays_a_term(string question, string term) =>
        Assert.Contains(term, QuestionProfile.Of(question, []).Terms);
}
