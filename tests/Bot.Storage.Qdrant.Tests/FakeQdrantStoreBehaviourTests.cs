using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Testing;
using Bot.Testing.Qdrant;

namespace Bot.Storage.Qdrant.Tests;

/// <summary>
/// The shared store behaviour, end to end over HTTP against the contract-checking fake Qdrant:
/// every request of every behaviour must honour Qdrant 1.19's OpenAPI contract.
/// </summary>
public sealed class FakeQdrantStoreBehaviourTests : ArchiveStoreBehaviour
{
    private FakeQdrantServer? server;

    protected override Task<IArchiveStore> CreateStoreAsync()
    {
        server = FakeQdrantServer.Start(QdrantSpec.Load());
        return Task.FromResult<IArchiveStore>(TestStores.Create(server.Url));
    }

    public override async ValueTask DisposeAsync()
    {
        if (server is null) return;
        var violations = server.Violations.ToList();
        await server.DisposeAsync();
        Assert.Empty(violations);
    }
}
