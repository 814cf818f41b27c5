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

    /// <summary>A query answer with <paramref name="count"/> hits.</summary>
    public static QueryResponse QueryAnswer(int count) => new() { Result = { Enumerable.Range(0, count).Select(i => Scored(i, i % 40)) } };

    /// <summary>Two lists of <paramref name="count"/> candidates (article id only), half of them in both (as a lexical and a dense list overlap).</summary>
    public static QueryBatchResponse BatchAnswer(int count) => new()
    {
        Result = { new BatchResult { Result = { Candidates(0, count) } }, new BatchResult { Result = { Candidates(count / 2, count) } } },
    };

    /// <summary>The passage payloads of the points <paramref name="ids"/> names (as <see cref="PointId"/> makes them).</summary>
    public static GetResponse RetrieveAnswer(IEnumerable<PointId> ids) => new()
    {
        Result = { ids.Select(id => int.Parse(id.Uuid[^12..])).Select(i => new RetrievedPoint { Id = PointId(i), Payload = { Passage(i, i % 40) } }) },
    };

    /// <summary><paramref name="groups"/> articles with <paramref name="perGroup"/> hits each.</summary>
    public static QueryGroupsResponse GroupsAnswer(int groups, int perGroup) => new()
    {
        Result = new GroupsResult
        {
            Groups = { Enumerable.Range(0, groups).Select(g => new PointGroup
            {
                Id = new GroupId { StringValue = $"a{g:D4}" },
                Hits = { Enumerable.Range(0, perGroup).Select(h => Scored(g * perGroup + h, g)) },
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

    private static IEnumerable<ScoredPoint> Candidates(int first, int count) => Enumerable.Range(first, count)
        .Select(i => new ScoredPoint { Id = PointId(i), Version = 3, Score = Score(i), Payload = { ["article_id"] = $"a{i % 40:D4}" } });

    private static PointId PointId(int i) => new() { Uuid = $"00000000-0000-5000-8000-{i:D12}" };

    private static float Score(int i) => 1 - i * 0.001f;

    private static ScoredPoint Scored(int i, int article) => new() { Id = PointId(i), Version = 3, Score = Score(i), Payload = { Passage(i, article) } };

    /// <summary>The payload a passage needs, with ~1,000 characters of text (a 200-token chunk).</summary>
    private static Dictionary<string, Value> Passage(int i, int article)
    {
        var text = string.Join(' ', Enumerable.Repeat("Niger has asked the United States to start using armed drones against jihadist groups.", 12));
        return new()
        {
            ["article_id"] = $"a{article:D4}", ["title"] = $"Niger asks U.S. to arm drones {article}", ["published"] = "2017-11-01T00:00:00+00:00",
            ["source"] = "Reuters", ["url"] = $"https://example.com/{article}", ["tags"] = new[] { "worldnews" }, ["chunk_count"] = 12,
            ["chunk_id"] = $"a{article:D4}-{i:D3}", ["ordinal"] = i, ["start"] = i * 1100, ["end"] = i * 1100 + text.Length, ["text"] = text,
            ["context"] = "Niger asks U.S. to arm drones\n1 November 2017",
        };
    }
}
