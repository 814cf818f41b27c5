using System.Text.Json;

namespace Bot.Storage.Qdrant.Protocol;

// Request and response shapes of Qdrant's collection endpoints, named after the OpenAPI schemas.
// Only the members the adapter uses exist; nulls are never sent.

internal sealed record CreateCollection(
    IReadOnlyDictionary<string, VectorParams>? Vectors,
    IReadOnlyDictionary<string, SparseVectorParams> SparseVectors);

internal sealed record VectorParams(long Size, string Distance)
{
    /// <summary>Pre-1.19 placement flag (deprecated in 1.19, still honoured).</summary>
    public bool? OnDisk { get; init; }
    /// <summary>1.19 placement: cold, cached or pinned.</summary>
    public string? Memory { get; init; }
    public QuantizationConfig? QuantizationConfig { get; init; }
    public MultiVectorConfig? MultivectorConfig { get; init; }
}

/// <summary>Several vectors per point; <c>max_sim</c> scores a point by its best-matching vector (per query vector, summed).</summary>
internal sealed record MultiVectorConfig(string Comparator)
{
    public const string MaxSim = "max_sim";
}

internal sealed record QuantizationConfig(ScalarQuantizationConfig Scalar);

internal sealed record ScalarQuantizationConfig(string Type)
{
    public double? Quantile { get; init; }
    public bool? AlwaysRam { get; init; }
    public string? Memory { get; init; }
}

internal sealed record SparseVectorParams(string? Modifier);

internal sealed record CreateFieldIndex(string FieldName, string FieldSchema);

internal sealed record CollectionExistence(bool Exists);

internal sealed record CollectionInfo(
    string? Status,
    long? PointsCount,
    long? IndexedVectorsCount,
    long SegmentsCount,
    CollectionConfig Config,
    IReadOnlyDictionary<string, PayloadIndexInfo>? PayloadSchema);

internal sealed record CollectionConfig(CollectionParams Params);

/// <summary>
/// <see cref="Vectors"/> is either one unnamed VectorParams or a map of named ones (VectorsConfig),
/// so it stays raw JSON and <see cref="VectorsConfigReader"/> interprets it.
/// </summary>
internal sealed record CollectionParams(
    JsonElement? Vectors,
    IReadOnlyDictionary<string, SparseVectorParams>? SparseVectors);

internal sealed record PayloadIndexInfo(string DataType, long Points);

internal sealed record VersionInfo(string Title, string Version, string? Commit);
