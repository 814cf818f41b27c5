using Bot.Storage.Qdrant.Protocol;

namespace Bot.Storage.Qdrant.Setup;

/// <summary>
/// The collection the store creates: a named dense multivector (one vector per sentence of a chunk,
/// compared by max_sim so a chunk scores as its best sentence; cosine; originals on disk, int8 scalar
/// quantization kept in RAM, which is what searches read first) when there is an embedding model, a
/// named sparse BM25 vector whose IDF Qdrant computes, and keyword/datetime indexes on the fields that
/// filters, grouping and listing use.
/// </summary>
internal static class CollectionLayout
{
    /// <summary>Qdrant 1.19 replaced the on_disk/always_ram flags with <c>memory</c> placements; older servers only know the flags.</summary>
    public static readonly Version MemoryPlacementSince = new(1, 19);

    public static readonly IReadOnlyList<(string Field, string Schema)> PayloadIndexes =
    [
        (PayloadKeys.Kind, "keyword"),
        (PayloadKeys.ArticleId, "keyword"),
        (PayloadKeys.Published, "datetime"),
        (PayloadKeys.SourceKey, "keyword"),
        (PayloadKeys.Tags, "keyword"),
    ];

    public static CreateCollection Create(int? denseDimensions, Version serverVersion)
    {
        var sparse = new Dictionary<string, SparseVectorParams> { [VectorNames.Sparse] = new("idf") };
        if (denseDimensions is not { } dims) return new CreateCollection(null, sparse);
        var placementByMemory = serverVersion >= MemoryPlacementSince;
        var dense = new VectorParams(dims, "Cosine")
        {
            MultivectorConfig = new MultiVectorConfig(MultiVectorConfig.MaxSim),
            OnDisk = placementByMemory ? null : true,
            Memory = placementByMemory ? "cold" : null,
            QuantizationConfig = new QuantizationConfig(new ScalarQuantizationConfig("int8")
            {
                Quantile = 0.99,
                AlwaysRam = placementByMemory ? null : true,
                Memory = placementByMemory ? "pinned" : null,
            }),
        };
        return new CreateCollection(new Dictionary<string, VectorParams> { [VectorNames.Dense] = dense }, sparse);
    }
}
