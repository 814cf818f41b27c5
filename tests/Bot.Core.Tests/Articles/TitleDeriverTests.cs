using Bot.Core.Articles.Metadata;

namespace Bot.Core.Tests.Articles;

public sealed class TitleDeriverTests
{
    [Theory]
    [InlineData("Niger asks U.S. to arm drones", true)]
    [InlineData("Will the Fed raise rates?", true)]
    [InlineData("NIAMEY (Reuters) - Niger has asked the United States to start using armed drones.", false)]
    [InlineData("Headline", false)]
    [InlineData("Dear readers,", false)]
    [InlineData("", false)]
    public void Recognises_a_headline_line(string line, bool isHeadline) =>
        Assert.Equal(isHeadline, TitleDeriver.LooksLikeHeadline(line));

    [Fact]
    public void A_short_lead_sentence_is_the_title_without_its_period()
    {
        const string text = "WASHINGTON (Reuters) - The U.S. Senate passed the bill. More followed on Friday.";
        Assert.Equal("The U.S. Senate passed the bill", TitleDeriver.FromLead(text, "WASHINGTON (Reuters) - ".Length));
    }

    [Fact]
    public void A_long_lead_is_cut_at_a_word_boundary_with_an_ellipsis()
    {
        const string lead = "Niger has asked the United States to start using armed drones against jihadist groups operating on the Mali border.";
        var title = TitleDeriver.FromLead(lead);
        Assert.Equal("Niger has asked the United States to start using armed drones against jihadist groups…", title);
        Assert.True(title.Length <= TitleDeriver.MaxLength);
    }

    [Fact]
    public void Abbreviations_do_not_end_the_sentence()
    {
        Assert.Equal("Mr. Smith met Gov. Jones on Nov. 4 in St. Louis", TitleDeriver.FromLead("Mr. Smith met Gov. Jones on Nov. 4 in St. Louis. Then he left."));
    }
}
