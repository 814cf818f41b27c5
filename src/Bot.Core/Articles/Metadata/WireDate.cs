using System.Globalization;

namespace Bot.Core.Articles.Metadata;

/// <summary>Dates in wire style: "Nov. 1, 2017", short months spelled out ("March 5, 2017").</summary>
public static class WireDate
{
    private static readonly string[] Months = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    public static string Format(DateTime date) =>
        string.Create(CultureInfo.InvariantCulture, $"{Months[date.Month - 1]} {date.Day}, {date.Year}");

    public static string Format(DateTimeOffset date) => Format(date.Date);
}
