namespace Bot.Storage.Qdrant.Setup;

/// <summary>What the store must know about its collection to write and search: whether it has dense vectors, and their size.</summary>
internal sealed record CollectionShape(int? DenseDimensions);
