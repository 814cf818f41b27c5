using System.Globalization;
using System.Text.Json;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Protocol;
using Bot.Storage.Qdrant.Setup;
using Bot.Storage.Qdrant.Transport;
using Bot.Storage.Qdrant.Writing;

namespace Bot.Storage.Qdrant.Reading;

/// <summary>
/// Counts by point kind (exact counts), the collection's state, and its disk and RAM footprint summed
/// over its segments from the node's telemetry. Telemetry may be refused to a restricted key; the
/// footprint is then reported as unavailable rather than failing the whole call.
/// </summary>
internal sealed class StatsReader(QdrantTransport transport, QdrantOptions options)
{
    public async Task<ArchiveStats> ReadAsync(CancellationToken ct)
    {
        var collection = options.Collection;
        var info = await transport.GetCollectionInfoAsync(collection, ct);
        var dense = VectorsConfigReader.Dense(info.Config.Params);
        var articles = await transport.CountAsync(collection, new Filter { Must = [Conditions.Kind(PointKinds.Article)] }, ct);
        var chunks = await transport.CountAsync(collection, new Filter { Must = [Conditions.Kind(PointKinds.Chunk)] }, ct);
        var withVectors = dense is null ? 0 : await transport.CountAsync(collection,
            new Filter { Must = [Conditions.Kind(PointKinds.Chunk), Conditions.Vector(VectorNames.Dense)] }, ct);
        var space = dense is null ? null : await ReadSpaceAsync((int)dense.Size, ct);

        var details = new Dictionary<string, string>
        {
            ["store"] = "qdrant",
            ["url"] = options.Url.ToString(),
            ["collection"] = collection,
            ["status"] = info.Status ?? "unknown",
            ["points"] = Number(info.PointsCount),
            ["indexed_vectors"] = Number(info.IndexedVectorsCount),
            ["segments"] = Number(info.SegmentsCount),
            ["payload_indexes"] = string.Join(", ", (info.PayloadSchema ?? new Dictionary<string, PayloadIndexInfo>())
                .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value.DataType}")),
            ["bm25.avg_terms_assumed"] = options.Bm25AverageChunkTerms.ToString(CultureInfo.InvariantCulture),
        };
        long bytesOnDisk = 0;
        try
        {
            var (disk, ram) = SegmentSizes(await transport.GetTelemetryAsync(ct), collection);
            bytesOnDisk = disk;
            details["disk_bytes"] = Number(disk);
            details["ram_bytes"] = Number(ram);
        }
        catch (ArchiveException e)
        {
            details["disk_bytes"] = details["ram_bytes"] = "unavailable: " + e.Message;
        }
        return new ArchiveStats(articles, chunks, withVectors, bytesOnDisk, space, details);
    }

    private async Task<EmbeddingSpace?> ReadSpaceAsync(int dimensions, CancellationToken ct)
    {
        var points = await transport.RetrieveAsync(options.Collection, [PointIds.Space], [PayloadKeys.ModelId], ct);
        return points.FirstOrDefault()?.Payload?.ModelId is { } model ? new EmbeddingSpace(model, dimensions) : null;
    }

    /// <summary>Sums disk_usage_bytes and ram_usage_bytes of the collection's local segments (telemetry level 4).</summary>
    internal static (long Disk, long Ram) SegmentSizes(JsonElement telemetry, string collection)
    {
        long disk = 0, ram = 0;
        foreach (var entry in Items(Property(Property(telemetry, "collections"), "collections")))
        {
            if (Property(entry, "id") is not { ValueKind: JsonValueKind.String } id || id.GetString() != collection) continue;
            foreach (var shard in Items(Property(entry, "shards")))
            foreach (var segment in Items(Property(Property(shard, "local"), "segments")))
            {
                var info = Property(segment, "info");
                disk += Long(Property(info, "disk_usage_bytes"));
                ram += Long(Property(info, "ram_usage_bytes"));
            }
        }
        return (disk, ram);
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static IEnumerable<JsonElement> Items(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } e ? e.EnumerateArray() : [];

    private static long Long(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Number } e && e.TryGetInt64(out var v) ? v : 0;

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
}
