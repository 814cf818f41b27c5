using System.Text.Json;
using Bot.Storage.Qdrant.Protocol;

namespace Bot.Storage.Qdrant.Setup;

/// <summary>Reads the dense vector named <see cref="VectorNames.Dense"/> from a collection's VectorsConfig.</summary>
internal static class VectorsConfigReader
{
    public static VectorParams? Dense(CollectionParams config)
    {
        if (config.Vectors is not { ValueKind: JsonValueKind.Object } vectors) return null;
        // The unnamed form has "size" at top level: not a collection this store created.
        if (vectors.TryGetProperty("size", out _)) return null;
        return vectors.TryGetProperty(VectorNames.Dense, out var dense)
            ? dense.Deserialize(QdrantJsonContext.Wire.VectorParams)
            : null;
    }
}
