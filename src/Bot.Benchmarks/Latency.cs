using System.Diagnostics;
using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>Times each call of an operation and reports percentiles in milliseconds.</summary>
public sealed record Latency(double P50, double P95, double P99, int Count)
{
    public static async Task<Latency> MeasureAsync<T>(IReadOnlyList<T> inputs, Func<T, Task> operation, int warmup = 10)
    {
        foreach (var input in inputs.Take(warmup)) await operation(input);
        var times = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var clock = Stopwatch.StartNew();
            await operation(inputs[i]);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return new Latency(Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), times.Length);
    }

    internal static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms ({Count} queries)");
}
