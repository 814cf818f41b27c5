using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Connection;
using Bot.Storage.Qdrant.Reading;
using Bot.Storage.Qdrant.Writing;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Setup;

/// <summary>
/// Startup: checks the server (reachable, recent enough, accepts the key), creates the collection when
/// missing and refuses one that does not fit the embedding space.
/// </summary>
internal sealed class CollectionSetup(QdrantCalls calls, QdrantOptions options, ILogger logger)
{
    /// <summary>The Query API (prefetch + fusion) and IDF sparse vectors arrived in 1.10.</summary>
    public static readonly Version MinimumVersion = new(1, 10);

    public async Task<CollectionShape> InitializeAsync(EmbeddingSpace? space, CancellationToken ct)
    {
        var version = await CheckServerAsync(ct);
        var collection = options.Collection;
        if (!await calls.RunAsync("check the collection", (c, t) => c.CollectionExistsAsync(collection, t), ct))
        {
            // Another instance may create it between the check and here: AlreadyExists is success too.
            var created = await calls.RunAsync("create the collection", async (c, t) =>
            {
                try { await c.CreateCollectionAsync(CollectionLayout.Create(collection, space?.Dimensions, version), t); }
                catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists) { return false; }
                return true;
            }, ct);
            if (created) logger.LogInformation("Created Qdrant collection {Collection} ({Dense})", collection,
                space is null ? "lexical only" : $"{space.Dimensions}-d {space.ModelId}");
        }
        var info = await ReadInfoAsync(ct);
        var shape = CheckFits(info, space);
        foreach (var (field, schema) in CollectionLayout.PayloadIndexes)
            if (!info.PayloadSchema.ContainsKey(field))
                await calls.RunAsync($"index the payload field '{field}'",
                    (c, t) => c.CreatePayloadIndexAsync(collection, field, schema, cancellationToken: t), ct);
        if (space is not null) await ClaimSpaceAsync(space, ct);
        return shape;
    }

    /// <summary>The collection's shape without creating or changing anything (a store used before InitializeAsync).</summary>
    public async Task<CollectionShape> ReadShapeAsync(CancellationToken ct) => CollectionShape.Of(await ReadInfoAsync(ct));

    public Task<CollectionInfo> ReadInfoAsync(CancellationToken ct) =>
        calls.RunAsync("read the collection", (c, t) => c.GetCollectionInfoAsync(options.Collection, t), ct);

    /// <summary>The server's version from the gRPC health check, refused when older than <see cref="MinimumVersion"/>.</summary>
    public async Task<Version> CheckServerAsync(CancellationToken ct)
    {
        var reply = await calls.RunAsync("check its health", (c, t) => c.HealthAsync(t), ct);
        var version = ParseVersion(reply.Version)
            ?? throw new ArchiveException($"Qdrant at {options.Url} reports an unreadable version '{reply.Version}'.");
        if (version < MinimumVersion)
            throw new ArchiveException($"Qdrant at {options.Url} is version {reply.Version}; this store needs {MinimumVersion} or newer " +
                "(Query API with fusion, IDF sparse vectors). Upgrade the server (e.g. qdrant/qdrant:v1.19.0).");
        return version;
    }

    private CollectionShape CheckFits(CollectionInfo info, EmbeddingSpace? space)
    {
        var name = $"Qdrant collection '{options.Collection}' at {options.Url}";
        var sparse = info.Config?.Params?.SparseVectorsConfig?.Map.GetValueOrDefault(VectorNames.Sparse)
            ?? throw new ArchiveException($"{name} has no sparse vector '{VectorNames.Sparse}': it was not created by this store. Use another Qdrant:Collection.");
        if (sparse.Modifier != Modifier.Idf)
            throw new ArchiveException($"{name}: sparse vector '{VectorNames.Sparse}' lacks the IDF modifier, so BM25 scores would be wrong. Re-create the collection.");
        var dense = CollectionShape.Dense(info);
        if (space is null) return CollectionShape.Of(info);
        if (dense is null)
            throw new ArchiveException($"{name} was created without dense vectors (lexical only), but the embedder '{space.ModelId}' needs {space.Dimensions}-d vectors. " +
                "Use another Qdrant:Collection or delete this one.");
        if (dense.Size != (ulong)space.Dimensions || dense.Distance != Distance.Cosine)
            throw new ArchiveException($"{name} holds {dense.Size}-d {dense.Distance} vectors, but the embedder '{space.ModelId}' makes {space.Dimensions}-d cosine vectors. " +
                "Use another Qdrant:Collection or re-create this one and re-ingest.");
        if (dense.MultivectorConfig?.Comparator != MultiVectorComparator.MaxSim)
            throw new ArchiveException($"{name} holds one vector per point, but this store keeps one vector per sentence (a max_sim multivector). " +
                "Use another Qdrant:Collection or re-create this one and re-ingest.");
        return new CollectionShape(space.Dimensions);
    }

    /// <summary>Records the embedding model in the collection, or refuses one whose vectors came from another model of the same size.</summary>
    private async Task ClaimSpaceAsync(EmbeddingSpace space, CancellationToken ct)
    {
        var existing = await ReadSpaceModelAsync(ct);
        if (existing is not null && existing != space.ModelId)
            throw new ArchiveException($"Qdrant collection '{options.Collection}' holds vectors of the model '{existing}', not '{space.ModelId}': " +
                "vectors of different models cannot be compared. Use another Qdrant:Collection or re-create this one and re-ingest.");
        if (existing is null)
            await calls.RunAsync("record the embedding model",
                (c, t) => c.UpsertAsync(options.Collection, [PointFactory.ForSpace(space)], cancellationToken: t), ct);
    }

    /// <summary>The model id the space point records, if any.</summary>
    public async Task<string?> ReadSpaceModelAsync(CancellationToken ct)
    {
        var points = await calls.RunAsync("read the embedding model", (c, t) => c.RetrieveAsync(options.Collection, [PointIds.Of(PointIds.Space)],
            (WithPayloadSelector)new[] { PayloadKeys.ModelId }, false, cancellationToken: t), ct);
        return points.Count == 0 ? null : PayloadReader.OptionalText(points[0].Payload, PayloadKeys.ModelId);
    }

    /// <summary>"1.19.0", "v1.12.4-dev" and the like; null when there is no major.minor.</summary>
    internal static Version? ParseVersion(string text)
    {
        var core = text.Trim().TrimStart('v', 'V').Split('-', '+')[0];
        var parts = core.Split('.');
        if (parts.Length < 2 || !int.TryParse(parts[0], out var major) || !int.TryParse(parts[1], out var minor)) return null;
        var patch = parts.Length > 2 && int.TryParse(parts[2], out var p) ? p : 0;
        return new Version(major, minor, patch);
    }
}
