using Google.Protobuf.Collections;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Bot.Testing.Qdrant;

/// <summary>One collection of <see cref="FakeQdrantEngine"/>: its vectors config, payload indexes and points.</summary>
public sealed class FakeCollection(CreateCollection create)
{
    private readonly Dictionary<string, FakePoint> points = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PayloadSchemaType> indexes = new(StringComparer.Ordinal);

    public string Name => create.CollectionName;
    /// <summary>The create request as it arrived.</summary>
    public CreateCollection CreateRequest { get; } = create.Clone();
    public IReadOnlyCollection<FakePoint> Points => points.Values;
    public IReadOnlyDictionary<string, PayloadSchemaType> Indexes => indexes;
    /// <summary>The status the collection reports (green unless a test says otherwise).</summary>
    public CollectionStatus Status { get; set; } = CollectionStatus.Green;

    public MapField<string, VectorParams> DenseConfig => create.VectorsConfig?.ParamsMap?.Map ?? [];
    public MapField<string, SparseVectorParams> SparseConfig => create.SparseVectorsConfig?.Map ?? [];

    public CollectionInfo Info()
    {
        var parameters = new CollectionParams { ShardNumber = 1, ReplicationFactor = 1, WriteConsistencyFactor = 1 };
        if (create.VectorsConfig is { } vectors) parameters.VectorsConfig = vectors.Clone();
        if (create.SparseVectorsConfig is { } sparse) parameters.SparseVectorsConfig = sparse.Clone();
        var info = new CollectionInfo
        {
            Status = Status,
            OptimizerStatus = new OptimizerStatus { Ok = true },
            SegmentsCount = 1,
            PointsCount = (ulong)points.Count,
            IndexedVectorsCount = 0,
            Config = new CollectionConfig
            {
                Params = parameters,
                HnswConfig = new HnswConfigDiff { M = 16, EfConstruct = 100, FullScanThreshold = 10000 },
                OptimizerConfig = new OptimizersConfigDiff { DefaultSegmentNumber = 0, FlushIntervalSec = 5 },
                WalConfig = new WalConfigDiff { WalCapacityMb = 32, WalSegmentsAhead = 0 },
            },
        };
        foreach (var (field, type) in indexes)
            info.PayloadSchema[field] = new PayloadSchemaInfo { DataType = type, Points = (ulong)points.Values.Count(p => p.Payload.ContainsKey(field)) };
        return info;
    }

    public void CreateIndex(string field, FieldType type) => indexes[field] = type switch
    {
        FieldType.Keyword => PayloadSchemaType.Keyword,
        FieldType.Datetime => PayloadSchemaType.Datetime,
        FieldType.Integer => PayloadSchemaType.Integer,
        _ => throw FakeFilter.Refused($"index type {type}"),
    };

    /// <summary>All points or none: every point is checked against the vectors config before any is stored.</summary>
    public void Upsert(IEnumerable<PointStruct> batch)
    {
        var parsed = batch.Select(Parse).ToList();
        foreach (var point in parsed) points[point.Id] = point with { Version = points.GetValueOrDefault(point.Id)?.Version + 1 ?? 0 };
    }

    public void Delete(PointsSelector selector)
    {
        var doomed = selector.PointsSelectorOneOfCase == PointsSelector.PointsSelectorOneOfOneofCase.Filter
            ? points.Values.Where(p => FakeFilter.Matches(selector.Filter, p)).Select(p => p.Id).ToList()
            : selector.Points.Ids.Select(FakePoint.Key).ToList();
        foreach (var id in doomed) points.Remove(id);
    }

    public IEnumerable<RetrievedPoint> Get(IEnumerable<PointId> ids, WithPayloadSelector? with) =>
        ids.Select(id => points.GetValueOrDefault(FakePoint.Key(id))).OfType<FakePoint>().Select(p => Retrieved(p, with));

    public ulong Count(Filter? filter) => (ulong)points.Values.Count(p => FakeFilter.Matches(filter, p));

    /// <summary>By id with next-page offsets, or ordered by an indexed datetime (points without it left out, no offsets), as Qdrant does.</summary>
    public ScrollResponse Scroll(ScrollPoints request)
    {
        var limit = request.HasLimit ? (int)request.Limit : 10;
        var selected = points.Values.Where(p => FakeFilter.Matches(request.Filter, p));
        var answer = new ScrollResponse { Time = 0.0001 };
        if (request.OrderBy is { } orderBy)
        {
            if (request.Offset is not null)
                throw new RpcException(new Status(StatusCode.InvalidArgument, "Wrong input: Cannot use an `offset` when using `order_by`."));
            if (indexes.GetValueOrDefault(orderBy.Key) is not (PayloadSchemaType.Datetime or PayloadSchemaType.Integer or PayloadSchemaType.Float))
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: No range index for `order_by` key: `{orderBy.Key}`."));
            var dated = selected.Select(p => (Point: p, Time: FakeFilter.Values(p.Payload, orderBy.Key).Select(FakeFilter.Time).Max()))
                .Where(x => x.Time is not null).ToList();
            dated.Sort((x, y) => x.Time!.Value.CompareTo(y.Time!.Value) is var c and not 0 ? c : FakePoint.Compare(x.Point, y.Point));
            if (orderBy.Direction == Direction.Desc) dated.Reverse();
            answer.Result.AddRange(dated.Take(limit).Select(x => Retrieved(x.Point, request.WithPayload)));
            return answer;
        }
        var byId = selected.ToList();
        byId.Sort(FakePoint.Compare);
        var start = request.Offset is { } offset ? byId.FindIndex(p => FakePoint.Compare(p, new FakePoint(FakePoint.Key(offset), offset, [])) >= 0) : 0;
        var page = byId.Skip(start < 0 ? byId.Count : start).Take(limit + 1).ToList();
        answer.Result.AddRange(page.Take(limit).Select(p => Retrieved(p, request.WithPayload)));
        if (page.Count > limit) answer.NextPageOffset = page[limit].PointId.Clone();
        return answer;
    }

    public IReadOnlyList<(FakePoint Point, double Score)> Rank(IEnumerable<PrefetchQuery> prefetch, Query? query, string? vectorName, Filter? filter) =>
        FakeRanking.Rank(this, [.. prefetch], query, vectorName, filter);

    public ScoredPoint Scored(FakePoint point, double score, WithPayloadSelector? with)
    {
        var scored = new ScoredPoint { Id = point.PointId.Clone(), Score = (float)score, Version = point.Version };
        Select(point.Payload, with, scored.Payload);
        return scored;
    }

    public RetrievedPoint Retrieved(FakePoint point, WithPayloadSelector? with)
    {
        var retrieved = new RetrievedPoint { Id = point.PointId.Clone() };
        Select(point.Payload, with, retrieved.Payload);
        return retrieved;
    }

    private static void Select(MapField<string, Value> payload, WithPayloadSelector? with, MapField<string, Value> into)
    {
        IEnumerable<string> keys = with?.SelectorOptionsCase switch
        {
            null or WithPayloadSelector.SelectorOptionsOneofCase.None => [],
            WithPayloadSelector.SelectorOptionsOneofCase.Enable => with.Enable ? payload.Keys : [],
            WithPayloadSelector.SelectorOptionsOneofCase.Include => with.Include.Fields,
            WithPayloadSelector.SelectorOptionsOneofCase.Exclude => payload.Keys.Except(with.Exclude.Fields),
            _ => throw FakeFilter.Refused($"payload selector {with.SelectorOptionsCase}"),
        };
        foreach (var key in keys)
            if (payload.TryGetValue(key, out var value)) into[key] = value.Clone();
    }

    private FakePoint Parse(PointStruct point)
    {
        var parsed = new FakePoint(FakePoint.Key(point.Id), point.Id.Clone(), point.Payload.Clone());
        if (point.Vectors?.VectorsOptionsCase is not Vectors.VectorsOptionsOneofCase.Vectors_)
            throw Wrong("this collection has named vectors; a point must name its vectors (an empty map for none)");
        foreach (var (name, vector) in point.Vectors.Vectors_.Vectors)
        {
            if (DenseConfig.TryGetValue(name, out var config))
            {
                var multi = config.MultivectorConfig is not null;
                var rows = vector.VectorCase switch
                {
                    Vector.VectorOneofCase.MultiDense when multi => vector.MultiDense.Vectors.Select(v => v.Data.ToArray()).ToArray(),
                    Vector.VectorOneofCase.Dense when !multi => [vector.Dense.Data.ToArray()],
                    _ => throw Wrong($"vector '{name}' expects a {(multi ? "multivector" : "single dense vector")}, got {vector.VectorCase}"),
                };
                if (rows.Length == 0) throw Wrong($"multivector '{name}' has no vectors");
                foreach (var row in rows)
                    if ((ulong)row.Length != config.Size) throw Wrong($"Vector dimension error: expected dim: {config.Size}, got {row.Length}");
                parsed.Dense[name] = rows;
            }
            else if (SparseConfig.ContainsKey(name) && vector.VectorCase == Vector.VectorOneofCase.Sparse)
            {
                var sparse = vector.Sparse;
                if (sparse.Indices.Count != sparse.Values.Count || sparse.Indices.Distinct().Count() != sparse.Indices.Count)
                    throw Wrong($"sparse vector '{name}' needs as many values as unique indices");
                parsed.Sparse[name] = sparse.Indices.Zip(sparse.Values).ToDictionary(p => p.First, p => p.Second);
            }
            else throw Wrong($"Not existing vector name error: {name}");
        }
        return parsed;
    }

    private static RpcException Wrong(string message) => new(new Status(StatusCode.InvalidArgument, "Wrong input: " + message));
}
