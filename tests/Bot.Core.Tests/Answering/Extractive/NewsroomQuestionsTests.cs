using Bot.Core.Answering;

namespace Bot.Core.Tests.Answering.Extractive;

/// <summary>The questions a new user asked of the demo archive (the seed story alone), answered with the right quote and the answer first.</summary>
public class NewsroomQuestionsTests
{
    [Fact]
    public async Task When_was_the_ambush_gives_the_day_then_the_sentence_that_says_it()
    {
        var answer = await SeedStory.AnswerAsync("When was the ambush?");

        Assert.False(answer.Abstained, answer.Text);
        Assert.Equal("Oct. 4, 2017", answer.Short?.Text);
        Assert.StartsWith("Oct. 4, 2017. \"On Oct. 4, Islamist militants", answer.Text);
        Assert.StartsWith("On Oct. 4, Islamist militants", answer.Citations[0].Quote);
    }

    [Fact]
    public async Task What_happened_on_October_4_quotes_the_ambush()
    {
        var answer = await SeedStory.AnswerAsync("What happened on October 4?");

        Assert.False(answer.Abstained, answer.Text);
        Assert.StartsWith("On Oct. 4, Islamist militants", answer.Citations[0].Quote);
    }

    [Fact]
    public async Task What_people_in_Niger_think_of_foreign_troops_is_answered()
    {
        var answer = await SeedStory.AnswerAsync("What do people in Niger think about foreign troops?");

        Assert.False(answer.Abstained, answer.Text);
        Assert.Contains(answer.Citations, c => c.Quote.Contains("mixed feelings about foreign forces"));
    }

    [Fact]
    public async Task Who_asked_to_arm_the_drones_leads_with_Niger_and_quotes_its_defence_minister()
    {
        var answer = await SeedStory.AnswerAsync("Who asked the United States to arm its drones?");

        Assert.Equal("Niger", answer.Short?.Text);
        Assert.StartsWith("Niger. \"Niger has asked", answer.Text);
        Assert.Contains(answer.Citations, c => c.Quote.Contains("Defence Minister Kalla Mountari told Reuters"));
    }
}
