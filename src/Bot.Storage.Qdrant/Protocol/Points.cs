using System.Text.Json;

namespace Bot.Storage.Qdrant.Protocol;

/// <summary>A point to upsert; <see cref="Id"/> is a UUID string.</summary>
internal sealed record PointStruct(string Id, NamedVectors Vector, PointPayload Payload);

/// <summary>
/// The collection's two named vectors. <see cref="Dense"/> is a multivector: one vector per sentence
/// of the chunk. A point may carry neither (article and space points): Qdrant accepts an empty map
/// for collections with named vectors.
/// </summary>
internal sealed record NamedVectors
{
    public static readonly NamedVectors None = new();

    [System.Text.Json.Serialization.JsonPropertyName(VectorNames.Dense)]
    [System.Text.Json.Serialization.JsonConverter(typeof(MultiVectorConverter))]
    public IReadOnlyList<ReadOnlyMemory<float>>? Dense { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName(VectorNames.Sparse)]
    public SparseVector? Bm25 { get; init; }
}

internal static class VectorNames
{
    public const string Dense = "dense";
    public const string Sparse = "bm25";
}

internal sealed record SparseVector(uint[] Indices, float[] Values);

internal sealed record PointsList(IReadOnlyList<PointStruct> Points);

/// <summary>PointsSelector, filter form.</summary>
internal sealed record FilterSelector(Filter Filter);

internal sealed record UpdateResult(long? OperationId, string Status);

/// <summary>PointRequest: retrieve points by id.</summary>
internal sealed record PointRequest(IReadOnlyList<string> Ids, IReadOnlyList<string> WithPayload, bool WithVector = false);

/// <summary>A stored point as reads return it; ids stay raw (UUID string or integer).</summary>
internal sealed record Record(JsonElement Id, PointPayload? Payload);

internal sealed record ScrollRequest
{
    public Filter? Filter { get; init; }
    public int? Limit { get; init; }
    /// <summary>The previous page's next_page_offset, passed back as is.</summary>
    public JsonElement? Offset { get; init; }
    public required IReadOnlyList<string> WithPayload { get; init; }
    public bool WithVector { get; init; }
    public OrderBy? OrderBy { get; init; }
}

internal sealed record OrderBy(string Key, string Direction);

internal sealed record ScrollResult(IReadOnlyList<Record> Points, JsonElement? NextPageOffset);

internal sealed record CountRequest(Filter? Filter, bool Exact = true);

internal sealed record CountResult(long Count);
