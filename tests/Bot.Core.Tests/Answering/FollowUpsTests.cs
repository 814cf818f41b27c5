using Bot.Core.Answering;

namespace Bot.Core.Tests.Answering;

public sealed class FollowUpsTests
{
    private static Citation Cite(int number, string title) =>
        new(number, $"a{number}", title, null, "Reuters", null, $"c{number}", "Quote.", 0, 6);

    [Fact]
    public void One_question_per_cited_story_in_citation_order_at_most_three()
    {
        var answer = new Answer("x [1][2][3][4]", false,
            [Cite(2, "Niger asks U.S. to arm drones"), Cite(1, "Agadez drone base - Reuters"), Cite(3, "Niger asks U.S. to arm drones"), Cite(4, "Sahel."), Cite(5, "Fifth")]);

        Assert.Equal(["More on “Agadez drone base”", "More on “Niger asks U.S. to arm drones”", "More on “Sahel”"], FollowUps.For(answer));
    }

    [Fact]
    public void Long_titles_are_cut_at_a_word_and_untitled_stories_are_skipped()
    {
        var answer = new Answer("x [1][2]", false,
            [Cite(1, "  "), Cite(2, "The United States military is building a drone base in Agadez, in the north of Niger, officials said")]);

        var suggestion = Assert.Single(FollowUps.For(answer));
        Assert.Equal("More on “The United States military is building a drone…”", suggestion);
        Assert.True(suggestion.Length <= FollowUps.MaxLength);
    }

    [Fact]
    public void An_abstention_suggests_nothing() =>
        Assert.Empty(FollowUps.For(Answer.Abstain(Abstention.Message, "x")));
}
