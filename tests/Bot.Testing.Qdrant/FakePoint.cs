using System.Globalization;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Bot.Testing.Qdrant;

/// <summary>A stored point: id (as text), payload, named dense vectors (one or more rows each) and named sparse vectors.</summary>
public sealed record FakePoint(string Id, PointId PointId, MapField<string, Value> Payload)
{
    public Dictionary<string, float[][]> Dense { get; } = [];
    public Dictionary<string, Dictionary<uint, float>> Sparse { get; } = [];
    public ulong Version { get; init; }

    public static string Key(PointId id) => id.PointIdOptionsCase == PointId.PointIdOptionsOneofCase.Uuid
        ? Guid.Parse(id.Uuid).ToString("D")
        : id.Num.ToString(CultureInfo.InvariantCulture);

    /// <summary>Qdrant orders ids numbers first, then UUIDs as 128-bit numbers (which their lower-case hex text sorts alike).</summary>
    public static int Compare(FakePoint a, FakePoint b)
    {
        var (numA, numB) = (a.PointId.PointIdOptionsCase == PointId.PointIdOptionsOneofCase.Num, b.PointId.PointIdOptionsCase == PointId.PointIdOptionsOneofCase.Num);
        if (numA != numB) return numA ? -1 : 1;
        return numA ? a.PointId.Num.CompareTo(b.PointId.Num) : string.CompareOrdinal(a.Id, b.Id);
    }
}
