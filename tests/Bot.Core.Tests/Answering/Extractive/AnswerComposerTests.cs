using Bot.Core.Articles.Metadata;
using Bot.Core.Answering.Extractive;
using Bot.Core.Articles;

namespace Bot.Core.Tests.Answering.Extractive;

public class AnswerComposerTests
{
    private static ArticleSummary Summary(string? source, DateTimeOffset? published) =>
        new("a1", "Senate passes budget", published, source, null, []);

    [Theory]
    [InlineData(2017, 11, 1, "Nov. 1, 2017")]
    [InlineData(2017, 3, 15, "March 15, 2017")]
    [InlineData(2016, 9, 30, "Sept. 30, 2016")]
    public void Dates_are_written_in_wire_style(int year, int month, int day, string expected) =>
        Assert.Equal(expected, WireDate.Format(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Attribution_names_source_and_date_when_known_else_the_title()
    {
        var date = new DateTimeOffset(2017, 11, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("According to Reuters (Nov. 1, 2017)", AnswerComposer.Attribution(Summary("Reuters", date)));
        Assert.Equal("According to Reuters", AnswerComposer.Attribution(Summary("Reuters", null)));
        Assert.Equal("According to \"Senate passes budget\"", AnswerComposer.Attribution(Summary(null, null)));
    }
}
