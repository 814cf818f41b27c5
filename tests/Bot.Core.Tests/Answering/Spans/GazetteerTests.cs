using Bot.Core.Answering.Spans;

namespace Bot.Core.Tests.Answering.Spans;

/// <summary>Known places: the country table's names (not its demonyms) and the cities, states and regions.</summary>
public class GazetteerTests
{
    [Theory]
    [InlineData("Mexico City")]
    [InlineData("NIAMEY")]
    [InlineData("Kuala Lumpur")]
    [InlineData("São Paulo")]
    [InlineData("Sao Paulo")]
    [InlineData("St. Louis")]
    [InlineData("California")]
    [InlineData("Niger")]
    [InlineData("U.S.")]
    [InlineData("Middle East")]
    [InlineData("the Middle East")]
    [InlineData("The Hague")]
    public void Cities_states_regions_and_countries_are_places(string name) => Assert.True(Gazetteer.IsPlace(name), name);

    [Theory]
    [InlineData("Nigerien")]
    [InlineData("Americans")]
    [InlineData("Kalla Mountari")]
    [InlineData("Reuters")]
    [InlineData("Islamic State")]
    [InlineData("")]
    public void Demonyms_people_and_organisations_are_no_places(string name) => Assert.False(Gazetteer.IsPlace(name), name);

    [Theory]
    [InlineData("Niger", true, true)]
    [InlineData("Nigeria", true, true)]
    [InlineData("United States", true, true)]
    [InlineData("U.S.", true, true)]
    [InlineData("US", true, true)]
    [InlineData("Britain", true, true)]
    [InlineData("Myanmar", true, true)]
    [InlineData("Burma", true, true)]
    [InlineData("Nigerien", false, true)]
    [InlineData("Americans", false, true)]
    [InlineData("North Korean", false, true)]
    [InlineData("the U.S.", true, true)]
    [InlineData("the Netherlands", true, true)]
    [InlineData("the Americans", false, true)]
    [InlineData("Mexico City", false, false)]
    [InlineData("Agadez", false, false)]
    public void Countries_are_told_from_their_demonyms(string name, bool country, bool countryOrDemonym)
    {
        Assert.Equal(country, Gazetteer.IsCountry(name));
        Assert.Equal(countryOrDemonym, Gazetteer.IsCountryOrDemonym(name));
    }
}
