using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Storage.Qdrant.Protocol;

internal sealed record QueryRequest
{
    public IReadOnlyList<Prefetch>? Prefetch { get; init; }
    public QueryExpression? Query { get; init; }
    public string? Using { get; init; }
    public Filter? Filter { get; init; }
    public int? Limit { get; init; }
    public required IReadOnlyList<string> WithPayload { get; init; }
    public bool WithVector { get; init; }
}

/// <summary>QueryRequestBatch: several queries answered in one round trip, results in the same order.</summary>
internal sealed record QueryRequestBatch(IReadOnlyList<QueryRequest> Searches);

internal sealed record QueryGroupsRequest
{
    public IReadOnlyList<Prefetch>? Prefetch { get; init; }
    public QueryExpression? Query { get; init; }
    public string? Using { get; init; }
    public Filter? Filter { get; init; }
    public required string GroupBy { get; init; }
    public int? GroupSize { get; init; }
    /// <summary>Number of groups.</summary>
    public int? Limit { get; init; }
    public required IReadOnlyList<string> WithPayload { get; init; }
    public bool WithVector { get; init; }
}

internal sealed record Prefetch
{
    public QueryExpression? Query { get; init; }
    public string? Using { get; init; }
    public Filter? Filter { get; init; }
    public int? Limit { get; init; }
}

/// <summary>NearestQuery (<c>{"nearest": vector}</c>) or FusionQuery (<c>{"fusion": "rrf"}</c>).</summary>
internal sealed record QueryExpression
{
    public VectorInput? Nearest { get; init; }
    public string? Fusion { get; init; }

    public static QueryExpression NearestTo(VectorInput vector) => new() { Nearest = vector };
    public static readonly QueryExpression ReciprocalRankFusion = new() { Fusion = "rrf" };
}

/// <summary>
/// A dense query vector, sent as a multivector of one (<c>[[...]]</c>) because the collection's dense
/// vector is a max_sim multivector, or a sparse one (<c>{"indices","values"}</c>).
/// </summary>
[JsonConverter(typeof(VectorInputConverter))]
internal sealed record VectorInput(ReadOnlyMemory<float>? Dense, SparseVector? Sparse);

internal sealed class VectorInputConverter : JsonConverter<VectorInput>
{
    public override VectorInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Query vectors are only written.");

    public override void Write(Utf8JsonWriter writer, VectorInput value, JsonSerializerOptions options)
    {
        if (value.Dense is { } dense) VectorJson.WriteMulti(writer, [dense]);
        else if (value.Sparse is { } sparse) VectorJson.WriteSparse(writer, sparse);
        else throw new JsonException("A query vector needs dense or sparse values.");
    }
}

internal sealed record ScoredPoint([property: JsonConverter(typeof(PointIdConverter))] string Id, long Version, double Score, PointPayload? Payload);

internal sealed record QueryResponse(IReadOnlyList<ScoredPoint> Points);

internal sealed record PointGroup(IReadOnlyList<ScoredPoint> Hits, JsonElement Id);

internal sealed record GroupsResult(IReadOnlyList<PointGroup> Groups);
