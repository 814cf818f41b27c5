using Bot.Core.Articles.Metadata;

namespace Bot.Core.Tests.Articles;

public sealed class PublishedDateParserTests
{
    [Theory]
    [InlineData("November 1, 2017", "2017-11-01T00:00:00Z")]
    [InlineData("November 9, 2016 ", "2016-11-09T00:00:00Z")]
    [InlineData("  September 26,  2017  ", "2017-09-26T00:00:00Z")]
    [InlineData("Nov 1, 2017", "2017-11-01T00:00:00Z")]
    [InlineData("Nov. 1, 2017", "2017-11-01T00:00:00Z")]
    [InlineData("Sept. 20, 2017", "2017-09-20T00:00:00Z")]
    [InlineData("November 1st, 2017", "2017-11-01T00:00:00Z")]
    [InlineData("1 November 2017", "2017-11-01T00:00:00Z")]
    [InlineData("1 Nov 2017", "2017-11-01T00:00:00Z")]
    [InlineData("Wednesday, November 1, 2017", "2017-11-01T00:00:00Z")]
    [InlineData("2017-11-01", "2017-11-01T00:00:00Z")]
    [InlineData("2017-11-01T10:00:00Z", "2017-11-01T10:00:00Z")]
    [InlineData("2017-11-01T10:00:00.123Z", "2017-11-01T10:00:00.123Z")]
    [InlineData("2017-11-01T12:30:00+02:00", "2017-11-01T10:30:00Z")]
    [InlineData("2017-11-01T05:00:00-05:00", "2017-11-01T10:00:00Z")]
    [InlineData("2017-11-01T10:00:00", "2017-11-01T10:00:00Z")]
    [InlineData("2017-11-01 10:00:00", "2017-11-01T10:00:00Z")]
    [InlineData("Wed, 01 Nov 2017 10:00:00 GMT", "2017-11-01T10:00:00Z")]
    [InlineData("Wed, 1 Nov 2017 12:00:00 +0200", "2017-11-01T10:00:00Z")]
    [InlineData("11/01/2017", "2017-11-01T00:00:00Z")]
    [InlineData("1/9/2017", "2017-01-09T00:00:00Z")]
    public void Parses_archive_dates_as_utc(string raw, string expected)
    {
        var parsed = PublishedDateParser.Parse(raw);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(TimeSpan.Zero, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("13/45/2017")]
    [InlineData("November 31, 2017")]
    [InlineData("2017")]
    [InlineData("https://www.reuters.com/")]
    public void Gives_null_for_what_is_no_date(string? raw) =>
        Assert.Null(PublishedDateParser.Parse(raw));

    [Theory]
    [InlineData("May. 8, 1916")]
    [InlineData("May 8, 1916")]
    public void May_with_a_dot_as_a_MMM_format_writes_it_is_read(string raw) =>
        Assert.Equal(new DateTimeOffset(1916, 5, 8, 0, 0, 0, TimeSpan.Zero), PublishedDateParser.Parse(raw));
}
