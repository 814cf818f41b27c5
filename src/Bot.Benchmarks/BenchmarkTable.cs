namespace Bot.Benchmarks;

public static class BenchmarkTable
{
    /// <summary>Prints rows as a Markdown table, ready to paste into BENCHMARKS.md.</summary>
    public static void Print(IReadOnlyList<BenchmarkRow> rows, TextWriter output)
    {
        output.WriteLine("| metric | value | target |");
        output.WriteLine("|---|---|---|");
        foreach (var row in rows)
            output.WriteLine($"| {row.Metric} | {row.Value} | {row.Target} |");
    }
}
