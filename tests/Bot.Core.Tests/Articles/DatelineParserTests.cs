using Bot.Core.Articles.Metadata;
using Bot.Testing;

namespace Bot.Core.Tests.Articles;

public sealed class DatelineParserTests
{
    [Theory]
    [InlineData("NIAMEY (Reuters) - Niger has asked", "Niamey", "Reuters", null)]
    [InlineData("MARRAKESH, Morocco/CHICAGO (Reuters) - The prospect", "Marrakesh, Morocco/Chicago", "Reuters", null)]
    [InlineData("WASHINGTON/BEIJING (Reuters) - U.S. officials", "Washington/Beijing", "Reuters", null)]
    [InlineData("NEW YORK (Reuters) - Stocks", "New York", "Reuters", null)]
    [InlineData("NUSA DUA, Indonesia, (Reuters) - Leaders", "Nusa Dua, Indonesia", "Reuters", null)]
    [InlineData("BERKELEY, Calif./LANSING, Mich. (Reuters) - Voters", "Berkeley, Calif./Lansing, Mich.", "Reuters", null)]
    [InlineData("KITCHANGA, Democratic Republic of Congo (Reuters) - U.S.", "Kitchanga, Democratic Republic of Congo", "Reuters", null)]
    [InlineData("WINSTON-SALEM, N.C. (Reuters) - A", "Winston-Salem, N.C.", "Reuters", null)]
    [InlineData("Berlin (Reuters) - Germany", "Berlin", "Reuters", null)]
    [InlineData("LONDON (Thomson Reuters Foundation) - Homes", "London", "Thomson Reuters Foundation", null)]
    [InlineData("(Reuters) - Tesla Inc said", null, "Reuters", null)]
    [InlineData("(Note: Strong language in paragraph 3) By Steve Holland WASHINGTON (Reuters) - President",
        "Washington", "Reuters", "Steve Holland")]
    [InlineData("((This Dec. 9 story corrects year)) By Jane Chung and Michelle Nichols SEOUL/UNITED NATIONS (Reuters) - North",
        "Seoul/United Nations", "Reuters", "Jane Chung and Michelle Nichols")]
    [InlineData("(This version corrects paragraph 10) By Alex Dobuzinskis (Reuters) - Tennessee", null, "Reuters", "Alex Dobuzinskis")]
    [InlineData("Scroll to the bottom of the page for an interactive graphic.  WASHINGTON (Reuters) - The", "Washington", "Reuters", null)]
    public void Reads_place_agency_and_byline(string text, string? place, string agency, string? author)
    {
        var dateline = DatelineParser.Parse(text);
        Assert.NotNull(dateline);
        Assert.Equal((place, agency, author), (dateline.Place, dateline.Agency, dateline.Author));
        Assert.True(char.IsUpper(text[dateline.LeadStart]), $"lead starts at '{text[dateline.LeadStart..]}'");
    }

    [Theory]
    [InlineData("The following statements were posted to the verified Twitter accounts of U.S. President Donald Trump")]
    [InlineData("BEIJING - China will expand a pilot project")]
    [InlineData("October 31 (Reuters) - The")]
    [InlineData("He said the militants of the group had fled. Fighters of the so-called state (IS) - which")]
    [InlineData("")]
    public void Finds_no_dateline_where_there_is_none(string text) =>
        Assert.Null(DatelineParser.Parse(text));

    [Fact]
    public void Reads_the_seed_story_after_its_refile_note_and_byline()
    {
        var text = File.ReadAllText(SharedData.Require("seeds/niger-drones-reuters.txt"));
        var dateline = DatelineParser.Parse(text);
        Assert.Equal(new Dateline("Niamey", "Reuters", "Tim Cocks and Abdoulaye Massalatchi", dateline!.LeadStart) { PlaceStart = dateline.PlaceStart }, dateline);
        Assert.Equal("NIAMEY", text.Substring(dateline.PlaceStart!.Value, "NIAMEY".Length));
        Assert.StartsWith("Niger has asked the United States", text[dateline.LeadStart..]);
    }
}
