using Bot.Benchmarks.Qdrant;

namespace Bot.Benchmarks;

public static class BenchmarkRegistry
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new Archive.IsotArchiveBenchmark(),
        new Archive.ScaleBenchmark(),
        new Answering.AnswerLatencyBenchmark(),
        new QdrantUploadBenchmark(),
        new QdrantQueryOverheadBenchmark(),
        new Load.LoadBenchmark(),
        new Sources.FeedSyncBenchmark(),
    ];
}
