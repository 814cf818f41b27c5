using Bot.Core.Answering;

namespace Bot.Core.Tests.Answering;

public class CitationMarkersTests
{
    [Fact]
    public void Finds_single_and_grouped_markers_in_order()
    {
        var groups = CitationMarkers.Find("Troops died [2]. The patrol was hit [1, 3] and [4; 5][6].");

        Assert.Equal([[2], [1, 3], [4, 5], [6]], groups.Select(g => g.Numbers.ToArray()).ToArray());
        Assert.Equal([true, false, false, true], groups.Select(g => g.IsCanonical).ToArray());
        Assert.Equal("[2]", "Troops died [2]. The patrol"[groups[0].Start..groups[0].End]);
    }

    [Theory]
    [InlineData("In [2017] sales rose.")]
    [InlineData("See [a] or [ ] or [1a].")]
    [InlineData("No markers at all.")]
    public void Bracketed_text_that_is_not_a_marker_is_left_alone(string text)
    {
        Assert.Empty(CitationMarkers.Find(text));
        Assert.Equal(text, CitationMarkers.Strip(text));
    }

    [Theory]
    [InlineData("Prices rose [9].", "Prices rose.")]
    [InlineData("Prices rose.[9] Then fell [1].", "Prices rose. Then fell [1].")]
    [InlineData("Prices [9] rose [1].", "Prices rose [1].")]
    [InlineData("[9] Prices rose [1].", "Prices rose [1].")]
    [InlineData("Line one [1].\n[9] Line two [1].", "Line one [1].\nLine two [1].")]
    [InlineData("Rose [9][1] and fell [1, 9].", "Rose [1] and fell [1].")]
    public void Dropping_a_marker_leaves_no_stray_space(string text, string expected)
    {
        Assert.Equal(expected, CitationMarkers.Rewrite(text, g => g.Numbers.Where(n => n != 9)));
    }

    [Fact]
    public void Rewrite_writes_groups_canonically_without_repeats()
    {
        Assert.Equal("A [1][2]. B [3].", CitationMarkers.Rewrite("A [1, 2, 1]. B [ 3 ].", g => g.Numbers));
    }

    [Fact]
    public void Digits_of_other_scripts_are_text_not_markers_that_fail_to_parse()
    {
        Assert.Empty(CitationMarkers.Find("Prices rose [٣] and [३]."));
        Assert.Equal("Prices rose [٣].", CitationMarkers.Strip("Prices rose [٣] [1]."));
    }

    [Theory]
    [InlineData("Rose [[9]1].", "Rose.")]
    [InlineData("Rose [[9]1] and [2].", "Rose and [2].")]
    [InlineData("Rose [[9], 1] [1].", "Rose [, 1] [1].")]
    public void Dropping_a_marker_never_splices_its_neighbours_into_an_unchecked_one(string text, string expected)
    {
        Assert.Equal(expected, CitationMarkers.Rewrite(text, g => g.Numbers.Where(n => n != 9)));
    }
}
