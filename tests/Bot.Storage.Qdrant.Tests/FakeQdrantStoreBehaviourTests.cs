using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Testing;
using Bot.Testing.Qdrant;

namespace Bot.Storage.Qdrant.Tests;

/// <summary>
/// The shared store behaviour, end to end over gRPC against the contract-checking fake Qdrant: every request of
/// every behaviour, and every answer, must honour Qdrant 1.19's gRPC contract. Hybrid search fuses scores
/// client-side, the default.
/// </summary>
public class FakeQdrantStoreBehaviourTests : ArchiveStoreBehaviour
{
    private FakeQdrantServer? server;
    private QdrantArchiveStore? store;

    protected virtual QdrantHybridFusion Fusion => QdrantHybridFusion.Score;

    protected override Task<IArchiveStore> CreateStoreAsync()
    {
        server = FakeQdrantServer.Start(QdrantContract.Load());
        store = TestStores.Create(server.Url, o => o.HybridFusion = Fusion);
        return Task.FromResult<IArchiveStore>(store);
    }

    public override async ValueTask DisposeAsync()
    {
        store?.Dispose();
        if (server is null) return;
        var violations = server.Violations.ToList();
        await server.DisposeAsync();
        Assert.Empty(violations);
    }
}

/// <summary>The same behaviour with hybrid search fused server-side by reciprocal rank fusion.</summary>
public sealed class FakeQdrantRrfStoreBehaviourTests : FakeQdrantStoreBehaviourTests
{
    protected override QdrantHybridFusion Fusion => QdrantHybridFusion.Rrf;
}
