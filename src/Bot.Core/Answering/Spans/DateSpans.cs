using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Articles.Metadata;

namespace Bot.Core.Answering.Spans;

/// <summary>
/// Dates as wire copy writes them: "Oct. 4", "Oct. 3-4", "4 October 2017", "March 2016", "in 2015", "on Sunday",
/// "yesterday", "last week", "10/4/2017"; and times of day ("4 p.m.", "noon"). A date the story gives relative to its own day ("on Sunday" in a
/// Wednesday Nov. 1, 2017 story) is resolved against the story's date: <see cref="AnswerSpan.Value"/> is the
/// resolved date (yyyy-MM-dd, yyyy-MM or yyyy) and <see cref="Complete"/> spells it out.
/// </summary>
public static partial class DateSpans
{
    private const string Month = @"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

    [GeneratedRegex(@"\b(?<month>" + Month + @")(?!\w)\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?<last>\d{1,2}))?(?!\d)(?:,?\s+(?<year>(?:19|20)\d{2}))?(?!\d)")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>" + Month + @")(?!\w)(?:,?\s+(?<year>(?:19|20)\d{2}))?(?!\d)")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?:(?:early|late|mid|mid-)\s*)?(?<month>" + Month + @")(?!\w)(?:\s+(?:of\s+)?(?<year>(?:19|20)\d{2}))(?!\d)")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"(?<=\b(?:in|since|until|by|last|next|this|early|late|during|of)\s+)(?:(?:early|late|mid|mid-)\s*)?(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex BareMonth();

    // "1925 containers" counts containers: a year is never followed by a plural noun ("the 2016 election" is a year).
    [GeneratedRegex(@"(?<![\d,.$€£-])\b(?<year>(?:19|20)\d{2})(?<decade>s)?\b(?![\d,]|\s*(?:percent|%|[a-z]+s\b))")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:(?<which>last|next|this|late|early)\s+)?(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|evening|afternoon))?\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?<relative>today|yesterday|tomorrow|tonight|(?:last|next|this|earlier this|later this) (?:week|month|year)|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:days|weeks|months|years) ago)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4}|\d{2})\b|\b(?<y>(?:19|20)\d{2})-(?<m>\d{2})-(?<d>\d{2})\b")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b(?:noon|midnight)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\b(?:will|would|is due|are due|is scheduled|are scheduled|is expected|are expected|plans to|is to|are to)\b")]
    private static partial Regex FutureCue();

    /// <summary>Every date of <paramref name="sentence"/>, longest first where two overlap, resolved against <paramref name="published"/>.</summary>
    public static IReadOnlyList<AnswerSpan> Find(string sentence, DateTimeOffset? published)
    {
        var spans = new List<AnswerSpan>();
        void Add(Match m, string value)
        {
            var span = new AnswerSpan(m.Index, m.Index + m.Length, SpanKind.Date, m.Value, value);
            if (!spans.Any(s => s.Overlaps(span))) spans.Add(span);
        }
        var future = FutureCue().IsMatch(sentence);
        foreach (Match m in Numeric().Matches(sentence))
            if (NumericDate(m) is { } date) Add(m, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (Match m in MonthDay().Matches(sentence)) Add(m, DayValue(m, published));
        foreach (Match m in DayMonth().Matches(sentence)) Add(m, DayValue(m, published));
        foreach (Match m in MonthYear().Matches(sentence))
            Add(m, $"{m.Groups["year"].Value}-{MonthNumber(m.Groups["month"].Value):D2}");
        foreach (Match m in BareMonth().Matches(sentence))
            Add(m, published is { } p ? $"{NearestYear(p, MonthNumber(m.Groups["month"].Value), 15)}-{MonthNumber(m.Groups["month"].Value):D2}" : m.Groups["month"].Value.ToLowerInvariant());
        foreach (Match m in Weekday().Matches(sentence))
            Add(m, published is { } p ? WeekdayDate(p, m.Groups["weekday"].Value, m.Groups["which"].Value, future).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : m.Groups["weekday"].Value.ToLowerInvariant());
        foreach (Match m in Relative().Matches(sentence))
            Add(m, RelativeValue(m.Value.ToLowerInvariant(), published));
        foreach (Match m in Year().Matches(sentence))
            Add(m, m.Groups["year"].Value + m.Groups["decade"].Value);
        foreach (Match m in ClockTime().Matches(sentence))
        {
            var time = new AnswerSpan(m.Index, m.Index + m.Length, SpanKind.Time, m.Value, m.Value.ToLowerInvariant().Replace(".", "").Replace(" ", ""));
            if (!spans.Any(s => s.Overlaps(time))) spans.Add(time);
        }
        return spans.OrderBy(s => s.Start).ToList();
    }

    /// <summary>
    /// The date as a reader wants it: "Oct. 4" in a 2017 story is "Oct. 4, 2017", "Sunday" is "Sunday, Oct. 29,
    /// 2017", "yesterday" is "yesterday, Oct. 31, 2017"; a date that already names its year stays as written.
    /// Always begins with the span itself, so the short answer stays a quote.
    /// </summary>
    public static string Complete(AnswerSpan span, DateTimeOffset? published)
    {
        var text = span.Text.TrimEnd('.', ',');
        if (published is null || span.Kind != SpanKind.Date) return text;
        if (DateTime.TryParseExact(span.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (Regex.IsMatch(text, @"\b(19|20)\d{2}\b")) return text;
            return Regex.IsMatch(text, Month) ? $"{text}, {day.Year}" : $"{text}, {WireDate.Format(day)}";
        }
        return text;
    }

    private static DateTime? NumericDate(Match m)
    {
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 100) year += 2000;
        var (month, day) = (int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateTime(year, month, day) : null;
    }

    private static string DayValue(Match m, DateTimeOffset? published)
    {
        var month = MonthNumber(m.Groups["month"].Value);
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (day is < 1 or > 31) return m.Value.ToLowerInvariant();
        int year;
        if (m.Groups["year"].Success) year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        else if (published is { } p) year = NearestYear(p, month, day);
        else return $"{month:D2}-{day:D2}";
        return $"{year}-{month:D2}-{Math.Min(day, DateTime.DaysInMonth(year, month)):D2}";
    }

    /// <summary>The year that puts month/day nearest the story's date: "Dec. 20" in a Jan. 3 story is last year's.</summary>
    private static int NearestYear(DateTimeOffset published, int month, int day)
    {
        var best = published.Year;
        var bestDistance = double.MaxValue;
        foreach (var year in new[] { published.Year - 1, published.Year, published.Year + 1 })
        {
            var distance = Math.Abs((new DateTime(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))) - published.Date).TotalDays);
            if (distance < bestDistance) (best, bestDistance) = (year, distance);
        }
        return best;
    }

    /// <summary>
    /// The day a weekday names, seen from the story's date: the latest such day on or before it ("said on
    /// Wednesday" in a Wednesday story is that day), the next one after it when the sentence speaks of the future
    /// or says "next".
    /// </summary>
    public static DateTime WeekdayDate(DateTimeOffset published, string weekday, string which, bool future)
    {
        var target = Enum.Parse<DayOfWeek>(weekday, ignoreCase: true);
        var day = published.Date;
        if (which == "next" || (future && which != "last"))
        {
            var ahead = ((int)target - (int)day.DayOfWeek + 7) % 7;
            return day.AddDays(ahead == 0 ? 7 : ahead);
        }
        var back = ((int)day.DayOfWeek - (int)target + 7) % 7;
        if (which == "last" && back == 0) back = 7;
        return day.AddDays(-back);
    }

    private static string RelativeValue(string relative, DateTimeOffset? published)
    {
        if (published is not { } p) return relative;
        var day = p.Date;
        return relative switch
        {
            "today" or "tonight" => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "yesterday" => day.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "tomorrow" => day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "last month" => day.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            "this month" or "earlier this month" or "later this month" => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            "next month" => day.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            "last year" => (day.Year - 1).ToString(CultureInfo.InvariantCulture),
            "this year" or "earlier this year" or "later this year" => day.Year.ToString(CultureInfo.InvariantCulture),
            "next year" => (day.Year + 1).ToString(CultureInfo.InvariantCulture),
            _ => relative,
        };
    }

    public static int MonthNumber(string month) => month.TrimEnd('.').ToLowerInvariant()[..3] switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };
}
