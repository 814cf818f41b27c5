using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Core.Articles.Metadata;

/// <summary>
/// Reads publication dates as archives write them: "November 1, 2017" (ISOT adds a trailing space),
/// "Nov 1, 2017", "Nov. 1, 2017", "Sept. 1, 2017", "1 November 2017", "2017-11-01", ISO 8601 with time and
/// offset, RFC 1123 ("Wed, 01 Nov 2017 10:00:00 GMT"), and US "11/01/2017". A date without a time is midnight
/// UTC; a time without an offset is taken as UTC. Anything else gives null: a missing date never fails an article.
/// </summary>
public static partial class PublishedDateParser
{
    private static readonly string[] Formats =
    [
        "MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy",
        "dddd, MMMM d, yyyy", "ddd, MMM d, yyyy", "MMMM d, yyyy h:mm tt", "MMMM d, yyyy HH:mm",
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss zzz",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "r", "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "d MMM yyyy HH:mm:ss zzz",
        "M/d/yyyy", "M/d/yyyy h:mm tt", "M/d/yyyy HH:mm", "M/d/yyyy HH:mm:ss", "d-MMM-yyyy", "dd-MMM-yy",
    ];

    public static DateTimeOffset? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = Clean(raw);
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var date)
            ? date
            : null;
    }

    /// <summary>
    /// Spaces collapsed; "Nov.", "May." (as a "MMM." format writes it) and "Sept" become "Nov", "May" and "Sep";
    /// ordinals ("1st") lose their suffix;
    /// RFC 822 offsets ("+0000") gain their colon.
    /// </summary>
    private static string Clean(string raw)
    {
        var text = Whitespace().Replace(raw.Trim(), " ");
        text = MonthAbbreviation().Replace(text, m => m.Groups["month"].Value[..3]);
        text = Ordinal().Replace(text, "${day}");
        return CompactOffset().Replace(text, "${sign}${hours}:${minutes}");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?=\s)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthAbbreviation();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"(?<=\d{2}:\d{2}(?::\d{2})?\s?)(?<sign>[+-])(?<hours>\d{2})(?<minutes>\d{2})$")]
    private static partial Regex CompactOffset();
}
