using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Protocol;
using Bot.Storage.Qdrant.Transport;
using Bot.Storage.Qdrant.Writing;
using Microsoft.Extensions.Logging;

namespace Bot.Storage.Qdrant.Setup;

/// <summary>
/// Startup: checks the server (reachable, ready, recent enough, accepts the key), creates the
/// collection when missing and refuses one that does not fit the embedding space.
/// </summary>
internal sealed class CollectionSetup(QdrantTransport transport, QdrantOptions options, ILogger logger)
{
    /// <summary>The Query API (prefetch + fusion) and IDF sparse vectors arrived in 1.10.</summary>
    public static readonly Version MinimumVersion = new(1, 10);

    public async Task<CollectionShape> InitializeAsync(EmbeddingSpace? space, CancellationToken ct)
    {
        var version = await CheckServerAsync(ct);
        var collection = options.Collection;
        if (!await transport.CollectionExistsAsync(collection, ct))
        {
            var created = await transport.CreateCollectionAsync(collection, CollectionLayout.Create(space?.Dimensions, version), ct);
            if (created) logger.LogInformation("Created Qdrant collection {Collection} ({Dense})", collection,
                space is null ? "lexical only" : $"{space.Dimensions}-d {space.ModelId}");
        }
        var info = await transport.GetCollectionInfoAsync(collection, ct);
        var shape = CheckFits(info, space);
        foreach (var (field, schema) in CollectionLayout.PayloadIndexes)
            if (info.PayloadSchema?.ContainsKey(field) != true)
                await transport.CreatePayloadIndexAsync(collection, field, schema, ct);
        if (space is not null) await ClaimSpaceAsync(space, ct);
        return shape;
    }

    /// <summary>The collection's shape without creating or changing anything (a store used before InitializeAsync).</summary>
    public async Task<CollectionShape> ReadShapeAsync(CancellationToken ct)
    {
        var info = await transport.GetCollectionInfoAsync(options.Collection, ct);
        return new CollectionShape(VectorsConfigReader.Dense(info.Config.Params) is { } dense ? (int)dense.Size : null);
    }

    private async Task<Version> CheckServerAsync(CancellationToken ct)
    {
        if (!await transport.IsReadyAsync(ct))
            throw new ArchiveException($"Qdrant at {options.Url} is running but not ready (GET /readyz: some shards are not ready). Try again shortly.");
        var info = await transport.HealthAsync(ct);
        var version = ParseVersion(info.Version)
            ?? throw new ArchiveException($"Qdrant at {options.Url} reports an unreadable version '{info.Version}'.");
        if (version < MinimumVersion)
            throw new ArchiveException($"Qdrant at {options.Url} is version {info.Version}; this store needs {MinimumVersion} or newer " +
                "(Query API with fusion, IDF sparse vectors). Upgrade the server (e.g. qdrant/qdrant:v1.19.0).");
        return version;
    }

    private CollectionShape CheckFits(CollectionInfo info, EmbeddingSpace? space)
    {
        var name = $"Qdrant collection '{options.Collection}' at {options.Url}";
        var parameters = info.Config.Params;
        if (parameters.SparseVectors?.TryGetValue(VectorNames.Sparse, out var sparse) != true)
            throw new ArchiveException($"{name} has no sparse vector '{VectorNames.Sparse}': it was not created by this store. Use another Qdrant:Collection.");
        if (sparse!.Modifier != "idf")
            throw new ArchiveException($"{name}: sparse vector '{VectorNames.Sparse}' lacks the IDF modifier, so BM25 scores would be wrong. Re-create the collection.");
        var dense = VectorsConfigReader.Dense(parameters);
        if (space is null) return new CollectionShape(dense is null ? null : (int)dense.Size);
        if (dense is null)
            throw new ArchiveException($"{name} was created without dense vectors (lexical only), but the embedder '{space.ModelId}' needs {space.Dimensions}-d vectors. " +
                "Use another Qdrant:Collection or delete this one.");
        if (dense.Size != space.Dimensions || dense.Distance != "Cosine")
            throw new ArchiveException($"{name} holds {dense.Size}-d {dense.Distance} vectors, but the embedder '{space.ModelId}' makes {space.Dimensions}-d cosine vectors. " +
                "Use another Qdrant:Collection or re-create this one and re-ingest.");
        if (dense.MultivectorConfig?.Comparator != MultiVectorConfig.MaxSim)
            throw new ArchiveException($"{name} holds one vector per point, but this store keeps one vector per sentence (a max_sim multivector). " +
                "Use another Qdrant:Collection or re-create this one and re-ingest.");
        return new CollectionShape(space.Dimensions);
    }

    /// <summary>Records the embedding model in the collection, or refuses one whose vectors came from another model of the same size.</summary>
    private async Task ClaimSpaceAsync(EmbeddingSpace space, CancellationToken ct)
    {
        var existing = await transport.RetrieveAsync(options.Collection, [PointIds.Space], [PayloadKeys.ModelId, PayloadKeys.Dimensions], ct);
        if (existing.FirstOrDefault()?.Payload is { ModelId: { } model } && model != space.ModelId)
            throw new ArchiveException($"Qdrant collection '{options.Collection}' holds vectors of the model '{model}', not '{space.ModelId}': " +
                "vectors of different models cannot be compared. Use another Qdrant:Collection or re-create this one and re-ingest.");
        if (existing.Count == 0)
            await transport.UpsertAsync(options.Collection, [PointFactory.ForSpace(space)], ct);
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
