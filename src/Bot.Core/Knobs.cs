namespace Bot.Core;
// TEMPORARY tuning knobs (removed before commit).
public static class Knobs
{
    public static double Get(string name, double fallback) =>
        Environment.GetEnvironmentVariable("KNOB_" + name) is { } v && double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : fallback;
}
