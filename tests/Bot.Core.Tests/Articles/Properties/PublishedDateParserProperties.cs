using System.Globalization;
using Bot.Core.Articles.Metadata;
using Bot.Testing.Hostile;
using CsCheck;

namespace Bot.Core.Tests.Articles.Properties;

/// <summary>
/// The date parser under generated input: any string gives a UTC date or null, never an exception; a date
/// written in any of the documented forms comes back as the same instant.
/// </summary>
public sealed class PublishedDateParserProperties
{
    private static readonly string[] DateForms = ["MMMM d, yyyy", "MMMM d, yyyy ", "MMM. d, yyyy", "d MMMM yyyy", "yyyy-MM-dd", "M/d/yyyy"];

    [Fact]
    public void Any_text_gives_a_utc_date_or_null()
    {
        Gen.Frequency(
            (2, HostileText.Text(12)),
            (1, HostileText.AnyString(40)),
            (2, Gen.OneOf("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2017-02-30", "Nov. 31, 2017", "31st", "+0000",
                "Wed, 01 Nov 2017 10:00:00 +9999", "2017-11-01T25:61:61Z", "Sept. 1, 2017", "1 November 2017 10:00:00 +0530").Array[1, 3].Select(p => string.Join(' ', p))))
            .Sample(raw =>
            {
                if (PublishedDateParser.Parse(raw) is { } date) Assert.Equal(TimeSpan.Zero, date.Offset);
            }, iter: PropertyRuns.Iterations(5000));
    }

    [Fact]
    public void A_date_written_in_a_documented_form_comes_back_as_the_same_day()
    {
        Gen.Select(Gen.Date[new DateTime(1900, 1, 1), new DateTime(2100, 12, 31)], Gen.OneOf(DateForms)).Sample((day, form) =>
        {
            var written = day.ToString(form, CultureInfo.InvariantCulture);
            Assert.Equal(new DateTimeOffset(day.Date, TimeSpan.Zero), PublishedDateParser.Parse(written));
        }, iter: PropertyRuns.Iterations(2000));
    }

    [Fact]
    public void An_instant_written_in_iso_8601_or_rfc_1123_comes_back_unchanged()
    {
        Gen.Select(Gen.DateTimeOffset, Gen.Int[-14 * 4, 14 * 4]).Sample((instant, quarterHours) =>
        {
            var second = new DateTimeOffset(instant.UtcDateTime.Year < 2 ? instant.UtcDateTime.AddYears(2) : instant.UtcDateTime.AddYears(instant.UtcDateTime.Year > 9997 ? -2 : 0), TimeSpan.Zero);
            second = second.AddTicks(-(second.Ticks % TimeSpan.TicksPerSecond));
            var local = second.ToOffset(TimeSpan.FromMinutes(15 * quarterHours));
            Assert.Equal(second, PublishedDateParser.Parse(local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
            Assert.Equal(second, PublishedDateParser.Parse(second.ToString("r", CultureInfo.InvariantCulture)));
        }, iter: PropertyRuns.Iterations(2000));
    }
}
