using System.Globalization;

namespace Bot.Testing.Hostile;

/// <summary>
/// How many generated inputs a property tries. CI runs the counts the tests name; <c>BOT_PROPERTY_SCALE=k</c>
/// runs k times as many (the longer run in docs/robustness.md). A failure prints the CsCheck seed that
/// reproduces it (<c>CsCheck_Seed=...</c>).
/// </summary>
public static class PropertyRuns
{
    private static readonly int Scale =
        int.TryParse(Environment.GetEnvironmentVariable("BOT_PROPERTY_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k > 0 ? k : 1;

    public static int Iterations(int count) => count * Scale;
}
