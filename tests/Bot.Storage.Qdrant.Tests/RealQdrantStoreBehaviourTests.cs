using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Testing;
using Qdrant.Client;

namespace Bot.Storage.Qdrant.Tests;

/// <summary>
/// The shared store behaviour against a real Qdrant, when QDRANT_URL names its gRPC endpoint (QDRANT_API_KEY
/// if it needs a key). Each test gets its own collection and drops it afterwards.
/// </summary>
public sealed class RealQdrantStoreBehaviourTests : ArchiveStoreBehaviour
{
    private readonly string collection = "bot-test-" + Guid.NewGuid().ToString("N")[..12];
    private QdrantArchiveStore? store;

    protected override Task<IArchiveStore> CreateStoreAsync()
    {
        store = TestStores.Create(RealQdrant.Url, o => o.ApiKey = RealQdrant.ApiKey, TimeProvider.System, collection: collection);
        return Task.FromResult<IArchiveStore>(store);
    }

    public override async ValueTask DisposeAsync()
    {
        store?.Dispose();
        await RealQdrant.DropCollectionAsync(collection);
    }
}

public static class RealQdrant
{
    public const string SkipMessage = "QDRANT_URL not set: start Qdrant with `docker run -p 6333:6333 -p 6334:6334 qdrant/qdrant:v1.19.0` " +
        "and set QDRANT_URL=http://localhost:6334 (its gRPC port)";

    /// <summary>The server under test, or a skipped test.</summary>
    public static Uri Url
    {
        get
        {
            var url = Environment.GetEnvironmentVariable("QDRANT_URL");
            if (string.IsNullOrWhiteSpace(url)) Assert.Skip(SkipMessage);
            return new Uri(url);
        }
    }

    public static string? ApiKey => Environment.GetEnvironmentVariable("QDRANT_API_KEY");

    public static async Task DropCollectionAsync(string collection)
    {
        if (Environment.GetEnvironmentVariable("QDRANT_URL") is not { Length: > 0 } url) return;
        using var client = new QdrantClient(new Uri(url), ApiKey);
        if (await client.CollectionExistsAsync(collection)) await client.DeleteCollectionAsync(collection);
    }
}
