using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Setup;

/// <summary>What the store must know about its collection to write and search: whether it has dense vectors, and their size.</summary>
internal sealed record CollectionShape(int? DenseDimensions)
{
    public static CollectionShape Of(CollectionInfo info) => new(Dense(info) is { } dense ? (int)dense.Size : null);

    /// <summary>The named dense vector's parameters; null for a collection without it (or with one unnamed vector, which this store never creates).</summary>
    public static VectorParams? Dense(CollectionInfo info) =>
        info.Config?.Params?.VectorsConfig?.ParamsMap?.Map.GetValueOrDefault(VectorNames.Dense);
}
