using Google.Protobuf;
using Google.Protobuf.Reflection;
using Bot.Testing;

namespace Bot.Testing.Qdrant;

/// <summary>
/// Qdrant 1.19's gRPC contract, from its compiled descriptor set (<c>qdrant/qdrant-v1.19.0.pb</c> in the shared
/// folder). Qdrant.Client 1.20 is built from a newer contract, so what it sends, and what the fake answers, is walked
/// on the wire against 1.19: an rpc, a field number or an enum value that 1.19 does not define is a violation.
/// </summary>
public sealed class QdrantContract
{
    private static readonly Lazy<QdrantContract> Shared = new(() => new QdrantContract(SharedData.QdrantDescriptors));
    private readonly Dictionary<string, MethodDescriptor> methods = new(StringComparer.Ordinal);

    /// <summary>The contract, or a skipped test when the shared folder is absent.</summary>
    public static QdrantContract Load()
    {
        SharedData.Require("qdrant/qdrant-v1.19.0.pb");
        return Shared.Value;
    }

    private QdrantContract(string path)
    {
        var set = FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(path));
        foreach (var file in FileDescriptor.BuildFromByteStrings(set.File.Select(f => f.ToByteString())))
        foreach (var service in file.Services)
        foreach (var method in service.Methods)
            methods[$"{service.FullName}/{method.Name}"] = method;
    }

    /// <summary>"qdrant.Points/Query" and the like: every rpc 1.19 serves.</summary>
    public IReadOnlyCollection<string> Rpcs => methods.Keys;

    public IReadOnlyList<string> CheckRequest(string rpc, string messageType, ReadOnlySpan<byte> bytes) =>
        Check(rpc, messageType, bytes, m => m.InputType, "request");

    public IReadOnlyList<string> CheckAnswer(string rpc, string messageType, ReadOnlySpan<byte> bytes) =>
        Check(rpc, messageType, bytes, m => m.OutputType, "answer");

    private IReadOnlyList<string> Check(string rpc, string messageType, ReadOnlySpan<byte> bytes, Func<MethodDescriptor, MessageDescriptor> side, string what)
    {
        if (!methods.TryGetValue(rpc, out var method)) return [$"{rpc}: no such rpc in Qdrant 1.19"];
        var expected = side(method);
        if (expected.FullName != messageType) return [$"{rpc} {what}: 1.19 takes {expected.FullName}, not {messageType}"];
        var problems = new List<string>();
        WireWalker.Walk(bytes.ToArray(), expected, $"{rpc} {what}", problems);
        return problems;
    }
}
