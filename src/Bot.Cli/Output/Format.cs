using System.Globalization;

namespace Bot.Cli.Output;

public static class Format
{
    public static string Date(DateTimeOffset? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    /// <summary>"2019-06-03 08:00 UTC", or "never".</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } t && t != DateTimeOffset.MinValue ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never";

    /// <summary>"30m", "2h", "1d", "90s" or a TimeSpan ("01:30:00").</summary>
    public static TimeSpan ParseInterval(string text)
    {
        var value = text.Trim();
        if (value.Length > 1 && double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            switch (char.ToLowerInvariant(value[^1]))
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
            }
        }
        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new ArgumentException($"'{text}' is not an interval: use 30m, 2h, 1d or 01:30:00.");
    }

    /// <summary>"30 min", "2 h", "1 d 6 h".</summary>
    public static string Interval(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => $"{span.TotalSeconds:0} s",
        { TotalHours: < 1 } => $"{span.TotalMinutes:0.#} min",
        { TotalDays: < 1 } => $"{span.TotalHours:0.#} h",
        _ => $"{span.TotalDays:0.#} d",
    };

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:F1} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):F1} MiB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):F2} GiB",
    };

    public static string Duration(TimeSpan span) =>
        span.TotalSeconds < 60 ? $"{span.TotalSeconds:F1} s" : $"{(int)span.TotalMinutes} min {span.Seconds} s";
}
