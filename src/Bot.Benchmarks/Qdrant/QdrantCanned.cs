using System.Buffers.Binary;
using Google.Protobuf;
using Qdrant.Client.Grpc;

namespace Bot.Benchmarks.Qdrant;

/// <summary>Qdrant's gRPC answers (Qdrant.Client's messages) for benchmarks that need no server.</summary>
internal static class QdrantCanned
{
    public static GetCollectionInfoResponse CollectionInfo(int dimensions) => new()
    {
        Result = new CollectionInfo
        {
            Status = CollectionStatus.Green,
            Config = new CollectionConfig
            {
                Params = new CollectionParams
                {
                    VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap { Map = { ["dense"] = new VectorParams
                    {
                        Size = (ulong)dimensions, Distance = Distance.Cosine, MultivectorConfig = new MultiVectorConfig { Comparator = MultiVectorComparator.MaxSim },
                    } } } },
                    SparseVectorsConfig = new SparseVectorConfig { Map = { ["bm25"] = new SparseVectorParams { Modifier = Modifier.Idf } } },
                },
            },
        },
    };

    public static readonly PointsOperationResponse UpdateCompleted = new() { Result = new UpdateResult { OperationId = 1, Status = UpdateStatus.Completed } };

    /// <summary>A query answer with as many hits as <paramref name="request"/> asks for, with the payload it asks for.</summary>
    public static QueryResponse QueryAnswer(QueryPoints request) =>
        new() { Result = { Enumerable.Range(0, (int)request.Limit).Select(i => Scored(i, i % 40, request.WithPayload)) } };

    /// <summary>
    /// The candidate lists of a batch, as many as each search asks for with the payload it asks for, the second list
    /// starting halfway down the first (as a lexical and a dense list overlap).
    /// </summary>
    public static QueryBatchResponse BatchAnswer(QueryBatchPoints request) => new()
    {
        Result = { request.QueryPoints.Select((search, n) => new BatchResult
        {
            Result = { Enumerable.Range(n * (int)search.Limit / 2, (int)search.Limit).Select(i => Scored(i, i % 40, search.WithPayload)) },
        }) },
    };

    /// <summary>The points <paramref name="request"/> names (as <see cref="PointId"/> makes them) with the payload it asks for.</summary>
    public static GetResponse RetrieveAnswer(GetPoints request) => new()
    {
        Result = { request.Ids.Select(id => int.Parse(id.Uuid[^12..])).Select(i => new RetrievedPoint { Id = PointId(i), Payload = { Selected(i, i % 40, request.WithPayload) } }) },
    };

    /// <summary>As many articles as <paramref name="request"/> asks for, each with a full group of hits with the payload it asks for.</summary>
    public static QueryGroupsResponse GroupsAnswer(QueryPointGroups request) => new()
    {
        Result = new GroupsResult
        {
            Groups = { Enumerable.Range(0, (int)request.Limit).Select(g => new PointGroup
            {
                Id = new GroupId { StringValue = $"a{g:D4}" },
                Hits = { Enumerable.Range(0, (int)request.GroupSize).Select(h => Scored(g * (int)request.GroupSize + h, g, request.WithPayload)) },
            }) },
        },
    };

    /// <summary>A message as gRPC frames it on the wire: uncompressed flag, big-endian length, the message.</summary>
    public static byte[] Frame(IMessage message)
    {
        var body = message.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    private static PointId PointId(int i) => new() { Uuid = $"00000000-0000-5000-8000-{i:D12}" };

    private static float Score(int i) => 1 - i * 0.001f;

    private static ScoredPoint Scored(int i, int article, WithPayloadSelector? with) =>
        new() { Id = PointId(i), Version = 3, Score = Score(i), Payload = { Selected(i, article, with) } };

    /// <summary>What Qdrant sends of a point's payload: none unless asked for, all, or the fields included (excluding is not used here).</summary>
    private static Dictionary<string, Value> Selected(int i, int article, WithPayloadSelector? with) => with?.SelectorOptionsCase switch
    {
        WithPayloadSelector.SelectorOptionsOneofCase.Enable when with.Enable => Payload(i, article),
        WithPayloadSelector.SelectorOptionsOneofCase.Include => Payload(i, article).Where(f => with.Include.Fields.Contains(f.Key)).ToDictionary(),
        null or WithPayloadSelector.SelectorOptionsOneofCase.None or WithPayloadSelector.SelectorOptionsOneofCase.Enable => [],
        _ => throw new NotSupportedException($"payload selector {with.SelectorOptionsCase}"),
    };

    /// <summary>A chunk point's payload, with ~1,000 characters of text (a 200-token chunk).</summary>
    private static Dictionary<string, Value> Payload(int i, int article)
    {
        var text = string.Join(' ', Enumerable.Repeat("Niger has asked the United States to start using armed drones against jihadist groups.", 12));
        return new()
        {
            ["article_id"] = $"a{article:D4}", ["title"] = $"Niger asks U.S. to arm drones {article}", ["published"] = "2017-11-01T00:00:00+00:00",
            ["source"] = "Reuters", ["url"] = $"https://example.com/{article}", ["tags"] = new[] { "worldnews" }, ["chunk_count"] = 12,
            ["chunk_id"] = $"a{article:D4}-{i:D3}", ["ordinal"] = i, ["start"] = i * 1100, ["end"] = i * 1100 + text.Length, ["text"] = text,
            ["context"] = "Niger asks U.S. to arm drones\n1 November 2017", ["kind"] = "chunk", ["source_key"] = "reuters",
            ["fingerprint"] = $"fp{article:D4}",
        };
    }
}
