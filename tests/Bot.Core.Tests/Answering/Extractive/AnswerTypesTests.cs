using Bot.Core.Answering.Extractive;

namespace Bot.Core.Tests.Answering.Extractive;

public class AnswerTypesTests
{
    [Theory]
    [InlineData("When did the ambush happen?", AnswerType.Time)]
    [InlineData("In what year was the base built?", AnswerType.Time)]
    [InlineData("How many soldiers were killed?", AnswerType.Number)]
    [InlineData("Who asked the United States to arm its drones?", AnswerType.Name)]
    [InlineData("Why did the patrol go to the border?", AnswerType.Any)]
    public void Question_wording_gives_the_expected_answer_type(string question, AnswerType expected) =>
        Assert.Equal(expected, AnswerTypes.Of(question));

    [Theory]
    [InlineData(AnswerType.Time, "The base opened in 2016.", true)]
    [InlineData(AnswerType.Time, "The base opened in 2016.", false, "Did the base open in 2016?")]
    [InlineData(AnswerType.Number, "About 50 militants attacked.", true)]
    [InlineData(AnswerType.Name, "The request came from Kalla Mountari.", true)]
    [InlineData(AnswerType.Name, "the request came weeks ago.", false)]
    public void A_sentence_matches_when_it_holds_a_new_token_of_the_type(AnswerType type, string sentence, bool expected, string question = "What happened?") =>
        Assert.Equal(expected, AnswerTypes.Matches(type, sentence, question));
}
