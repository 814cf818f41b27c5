using Google.Protobuf;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Bot.Testing.Qdrant;

/// <summary>
/// An in-memory Qdrant behind the gRPC rpcs the store uses, with the semantics it relies on (named dense and sparse
/// vectors, IDF, max_sim, RRF, groups, batches, filters, ordered scrolls) and Qdrant's status codes and messages for
/// what goes wrong (NotFound, AlreadyExists, InvalidArgument). Written from Qdrant's documented behaviour and source,
/// not its code; the real-server tests (QDRANT_URL) check the same store against the real thing.
/// </summary>
public sealed class FakeQdrantEngine
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, FakeCollection> collections = new(StringComparer.Ordinal);
    private ulong operations;

    public string Version { get; set; } = "1.19.0";

    public FakeCollection? Collection(string name)
    {
        lock (gate) return collections.GetValueOrDefault(name);
    }

    /// <summary>Answers <paramref name="rpc"/> ("qdrant.Points/Upsert"); failures are RpcExceptions, as the server sends them.</summary>
    public IMessage Handle(string rpc, IMessage request)
    {
        lock (gate)
        {
            return (rpc, request) switch
            {
                ("qdrant.Qdrant/HealthCheck", HealthCheckRequest) => new HealthCheckReply { Title = "qdrant - vector search engine", Version = Version, Commit = "fake" },
                ("qdrant.Collections/CollectionExists", CollectionExistsRequest r) =>
                    new CollectionExistsResponse { Result = new CollectionExists { Exists = collections.ContainsKey(r.CollectionName) }, Time = 0.0001 },
                ("qdrant.Collections/Create", CreateCollection r) => Create(r),
                ("qdrant.Collections/Get", GetCollectionInfoRequest r) => new GetCollectionInfoResponse { Result = Existing(r.CollectionName).Info(), Time = 0.0001 },
                ("qdrant.Points/CreateFieldIndex", CreateFieldIndexCollection r) => Update(() => Existing(r.CollectionName).CreateIndex(r.FieldName, r.FieldType)),
                ("qdrant.Points/Upsert", UpsertPoints r) => Update(() => Existing(r.CollectionName).Upsert(r.Points)),
                ("qdrant.Points/Delete", DeletePoints r) => Update(() => Existing(r.CollectionName).Delete(r.Points)),
                ("qdrant.Points/Get", GetPoints r) => new GetResponse { Result = { Existing(r.CollectionName).Get(r.Ids, r.WithPayload) }, Time = 0.0001 },
                ("qdrant.Points/Count", CountPoints r) => new CountResponse { Result = new CountResult { Count = Existing(r.CollectionName).Count(r.Filter) }, Time = 0.0001 },
                ("qdrant.Points/Scroll", ScrollPoints r) => Existing(r.CollectionName).Scroll(r),
                ("qdrant.Points/Query", QueryPoints r) => new QueryResponse { Result = { Query(Existing(r.CollectionName), r) }, Time = 0.0001 },
                ("qdrant.Points/QueryBatch", QueryBatchPoints r) => QueryBatch(r),
                ("qdrant.Points/QueryGroups", QueryPointGroups r) => new QueryGroupsResponse { Result = Groups(Existing(r.CollectionName), r), Time = 0.0001 },
                _ => throw new RpcException(new Status(StatusCode.Unimplemented, $"this fake does not serve {rpc}")),
            };
        }
    }

    private CollectionOperationResponse Create(CreateCollection request)
    {
        if (collections.ContainsKey(request.CollectionName))
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Wrong input: Collection `{request.CollectionName}` already exists!"));
        collections[request.CollectionName] = new FakeCollection(request);
        return new CollectionOperationResponse { Result = true, Time = 0.0001 };
    }

    private FakeCollection Existing(string name) => collections.GetValueOrDefault(name)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!"));

    private PointsOperationResponse Update(Action apply)
    {
        apply();
        return new PointsOperationResponse { Result = new UpdateResult { OperationId = ++operations, Status = UpdateStatus.Completed }, Time = 0.0001 };
    }

    private static IEnumerable<ScoredPoint> Query(FakeCollection collection, QueryPoints request) =>
        collection.Rank(request.Prefetch, request.Query, request.HasUsing ? request.Using : null, request.Filter)
            .Skip((int)request.Offset).Take(request.HasLimit ? (int)request.Limit : 10)
            .Select(h => collection.Scored(h.Point, h.Score, request.WithPayload));

    private QueryBatchResponse QueryBatch(QueryBatchPoints request)
    {
        var collection = Existing(request.CollectionName);
        var answer = new QueryBatchResponse { Time = 0.0001 };
        foreach (var query in request.QueryPoints)
            answer.Result.Add(new BatchResult { Result = { Query(collection, query) } });
        return answer;
    }

    /// <summary>Best hits first, a group per distinct value of the field, at most group_size hits each, at most limit groups.</summary>
    private static GroupsResult Groups(FakeCollection collection, QueryPointGroups request)
    {
        var size = request.HasGroupSize ? (int)request.GroupSize : 3;
        var limit = request.HasLimit ? (int)request.Limit : 10;
        var groups = new List<PointGroup>();
        foreach (var (point, score) in collection.Rank(request.Prefetch, request.Query, request.HasUsing ? request.Using : null, request.Filter))
        {
            if (!point.Payload.TryGetValue(request.GroupBy, out var value) || value.KindCase != Value.KindOneofCase.StringValue) continue;
            var group = groups.FirstOrDefault(g => g.Id.StringValue == value.StringValue);
            if (group is null)
            {
                if (groups.Count == limit) continue;
                groups.Add(group = new PointGroup { Id = new GroupId { StringValue = value.StringValue } });
            }
            if (group.Hits.Count < size) group.Hits.Add(collection.Scored(point, score, request.WithPayload));
        }
        return new GroupsResult { Groups = { groups } };
    }
}
