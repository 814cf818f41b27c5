using Bot.Benchmarks.Qdrant;

namespace Bot.Benchmarks;

public static class BenchmarkRegistry
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new QdrantUploadBenchmark(),
        new QdrantQueryOverheadBenchmark(),
    ];
}
