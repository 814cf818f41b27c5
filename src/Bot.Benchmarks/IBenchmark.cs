namespace Bot.Benchmarks;

/// <summary>One measured scenario; each row is a metric with its value and unit.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken);
}

public sealed record BenchmarkRow(string Metric, string Value, string Target = "");
