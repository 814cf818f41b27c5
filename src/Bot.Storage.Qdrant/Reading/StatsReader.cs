using System.Globalization;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Connection;
using Bot.Storage.Qdrant.Setup;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Bot.Storage.Qdrant.Reading;

/// <summary>
/// Counts by point kind (exact counts) and what the gRPC API reports of the collection: its status, points,
/// indexed vectors, segments and payload indexes. The gRPC API has no telemetry, so the footprint on disk is
/// reported as unknown (0 bytes, and a detail saying where to look) rather than guessed.
/// </summary>
internal sealed class StatsReader(QdrantCalls calls, QdrantOptions options, CollectionSetup setup)
{
    public const string NoDiskUsage = "not reported over gRPC (Qdrant's REST /telemetry lists segment sizes)";

    public async Task<ArchiveStats> ReadAsync(CancellationToken ct)
    {
        var version = await setup.CheckServerAsync(ct);
        var info = await setup.ReadInfoAsync(ct);
        var dense = CollectionShape.Dense(info);
        var articles = await CountAsync(FilterBuilder.Kind(PointKinds.Article), ct);
        var chunks = await CountAsync(FilterBuilder.Kind(PointKinds.Chunk), ct);
        var withVectors = dense is null ? 0 : await CountAsync(FilterBuilder.Kind(PointKinds.Chunk) & HasVector(VectorNames.Dense), ct);
        var model = dense is null ? null : await setup.ReadSpaceModelAsync(ct);

        var details = new Dictionary<string, string>
        {
            ["store"] = "qdrant",
            ["url"] = options.Url.ToString(),
            ["server_version"] = version.ToString(),
            ["collection"] = options.Collection,
            ["status"] = Status(info.Status),
            ["optimizer"] = info.OptimizerStatus is { Ok: false } failed ? "error: " + failed.Error : "ok",
            ["points"] = info.HasPointsCount ? Number(info.PointsCount) : "unknown",
            ["indexed_vectors"] = info.HasIndexedVectorsCount ? Number(info.IndexedVectorsCount) : "unknown",
            ["segments"] = Number(info.SegmentsCount),
            ["payload_indexes"] = string.Join(", ", info.PayloadSchema.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}:{p.Value.DataType.ToString().ToLowerInvariant()}")),
            ["disk_bytes"] = NoDiskUsage,
            ["bm25.avg_terms_assumed"] = options.Bm25AverageChunkTerms.ToString(CultureInfo.InvariantCulture),
        };
        var space = model is null ? null : new EmbeddingSpace(model, (int)dense!.Size);
        return new ArchiveStats((long)articles, (long)chunks, (long)withVectors, 0, space, details);
    }

    /// <summary>green, yellow (optimising), grey (optimisation pending) or red (an optimisation failed).</summary>
    public static string Status(CollectionStatus status) => status switch
    {
        CollectionStatus.Green => "green",
        CollectionStatus.Yellow => "yellow",
        CollectionStatus.Grey => "grey",
        CollectionStatus.Red => "red",
        _ => "unknown",
    };

    private Task<ulong> CountAsync(Filter filter, CancellationToken ct) => calls.CountAsync(options.Collection, filter, ct);

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
