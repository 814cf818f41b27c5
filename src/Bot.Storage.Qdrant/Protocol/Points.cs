using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Storage.Qdrant.Protocol;

/// <summary>A point to upsert; <see cref="Id"/> is a UUID string.</summary>
internal sealed record PointStruct(string Id, NamedVectors Vector, PointPayload Payload)
{
    /// <summary>
    /// An upper bound on the point's JSON size, used to keep requests far below Qdrant's 32 MiB limit and to
    /// size request buffers once: vectors at their longest numbers, 30 bytes per sparse entry, 3 per UTF-16
    /// unit of text (UTF-8's worst case).
    /// </summary>
    public long MaxJsonBytes()
    {
        var p = Payload;
        long textChars = (p.Title?.Length ?? 0) + (p.Text?.Length ?? 0) + (p.Context?.Length ?? 0)
            + (p.Url?.Length ?? 0) + (p.Source?.Length ?? 0) * 2 + (p.Author?.Length ?? 0) + (p.Place?.Length ?? 0)
            + (p.ArticleId?.Length ?? 0) + (p.ChunkId?.Length ?? 0) + (p.Fingerprint?.Length ?? 0)
            + (p.Tags?.Sum(t => t.Length + 3) ?? 0);
        var dense = Vector.Dense?.Sum(v => VectorJson.MaxBytes(v.Length) + 1L) ?? 0;
        return 512 + dense + (Vector.Bm25?.Indices.Length ?? 0) * 30L + textChars * 3;
    }
}

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

[System.Text.Json.Serialization.JsonConverter(typeof(SparseVectorConverter))]
internal sealed record SparseVector(uint[] Indices, float[] Values);

internal sealed record PointsList(IReadOnlyList<PointStruct> Points);

/// <summary>PointsSelector, filter form.</summary>
internal sealed record FilterSelector(Filter Filter);

internal sealed record UpdateResult(long? OperationId, string Status);

/// <summary>PointRequest: retrieve points by id.</summary>
internal sealed record PointRequest(IReadOnlyList<string> Ids, IReadOnlyList<string> WithPayload, bool WithVector = false);

/// <summary>A stored point as reads return it.</summary>
internal sealed record Record([property: JsonConverter(typeof(PointIdConverter))] string Id, PointPayload? Payload);

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
