using System.Security.Cryptography;
using System.Globalization;
using System.Text;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Writing;

/// <summary>
/// Point ids as name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so the same
/// chunk always lands on the same point and re-ingesting overwrites instead of duplicating. The
/// prefixes keep an article id from ever naming the same point as a chunk id.
/// </summary>
internal static class PointIds
{
    private static readonly Guid Namespace = new("6f1c2a8e-3d4b-5e9f-8a7c-1b2d3e4f5a6b");

    public static string ForChunk(string chunkId) => NameBased("chunk:" + chunkId);

    public static string ForArticle(string articleId) => NameBased("article:" + articleId);

    /// <summary>The one point that records which embedding model the dense vectors come from.</summary>
    public static string Space { get; } = NameBased("space");

    public static PointId Of(string uuid) => new() { Uuid = uuid };

    /// <summary>An id as text whichever form Qdrant sends it in (UUID or unsigned integer).</summary>
    public static string Text(PointId id) => id.PointIdOptionsCase == PointId.PointIdOptionsOneofCase.Uuid
        ? id.Uuid
        : id.Num.ToString(CultureInfo.InvariantCulture);

    public static string NameBased(string name)
    {
        Span<byte> ns = stackalloc byte[16];
        Namespace.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.CopyTo(input);
        nameBytes.CopyTo(input.AsSpan(16));
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(uuid, bigEndian: true).ToString("D");
    }
}
