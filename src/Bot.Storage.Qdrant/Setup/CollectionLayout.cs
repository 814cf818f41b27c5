using Qdrant.Client.Grpc;

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

    public static readonly IReadOnlyList<(string Field, PayloadSchemaType Schema)> PayloadIndexes =
    [
        (PayloadKeys.Kind, PayloadSchemaType.Keyword),
        (PayloadKeys.ArticleId, PayloadSchemaType.Keyword),
        (PayloadKeys.Published, PayloadSchemaType.Datetime),
        (PayloadKeys.SourceKey, PayloadSchemaType.Keyword),
        (PayloadKeys.Tags, PayloadSchemaType.Keyword),
    ];

    public static CreateCollection Create(string name, int? denseDimensions, Version serverVersion)
    {
        var create = new CreateCollection
        {
            CollectionName = name,
            SparseVectorsConfig = new SparseVectorConfig { Map = { [VectorNames.Sparse] = new SparseVectorParams { Modifier = Modifier.Idf } } },
        };
        if (denseDimensions is not { } dims) return create;
        var byMemory = serverVersion >= MemoryPlacementSince;
        var scalar = new ScalarQuantization { Type = QuantizationType.Int8, Quantile = 0.99f };
        var dense = new VectorParams
        {
            Size = (ulong)dims,
            Distance = Distance.Cosine,
            MultivectorConfig = new MultiVectorConfig { Comparator = MultiVectorComparator.MaxSim },
            QuantizationConfig = new QuantizationConfig { Scalar = scalar },
        };
        if (byMemory)
        {
            dense.Memory = Memory.Cold;
            scalar.Memory = Memory.Pinned;
        }
        else
        {
#pragma warning disable CS0612 // deprecated in 1.19, and all that older servers understand
            dense.OnDisk = true;
            scalar.AlwaysRam = true;
#pragma warning restore CS0612
        }
        create.VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap { Map = { [VectorNames.Dense] = dense } } };
        return create;
    }
}
