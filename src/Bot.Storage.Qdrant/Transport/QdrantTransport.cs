using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bot.Storage.Qdrant.Protocol;
using Microsoft.Extensions.Logging;

namespace Bot.Storage.Qdrant.Transport;

/// <summary>
/// Qdrant's REST API, one method per endpoint the store uses. Method names follow the official
/// gRPC client (Qdrant.Client's QdrantClient) so it could replace this class later; the product
/// speaks REST so every request can be checked against the published OpenAPI contract.
/// Writes pass <c>wait=true</c>: a returned call means the change is applied and visible.
/// </summary>
internal sealed class QdrantTransport(HttpClient http, QdrantOptions options, ILogger logger, TimeProvider time)
{
    private static QdrantJsonContext Json => QdrantJsonContext.Wire;
    private readonly QdrantRequestSender sender = new(http, options, logger, time);

    public Uri Url => options.Url;

    /// <summary>GET / : the server's title and version.</summary>
    public async Task<VersionInfo> HealthAsync(CancellationToken ct) =>
        await sender.SendAsync(HttpMethod.Get, "", null, Json.VersionInfo, ct)
        ?? throw QdrantErrors.Unreadable(options.Url, "GET /", "empty version answer");

    /// <summary>GET /readyz : true when all shards are ready (no key needed).</summary>
    public async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        var status = await sender.SendForStatusAsync(HttpMethod.Get, "readyz", ct);
        return status < 300;
    }

    public async Task<bool> CollectionExistsAsync(string collection, CancellationToken ct) =>
        (await ResultAsync(HttpMethod.Get, Collection(collection, "exists"), null, Json.EnvelopeCollectionExistence, ct)).Exists;

    public Task<CollectionInfo> GetCollectionInfoAsync(string collection, CancellationToken ct) =>
        ResultAsync(HttpMethod.Get, Collection(collection), null, Json.EnvelopeCollectionInfo, ct);

    /// <summary>PUT /collections/{name}; false when it already exists (409).</summary>
    public async Task<bool> CreateCollectionAsync(string collection, CreateCollection request, CancellationToken ct)
    {
        using var body = JsonBody.Of(request, Json.CreateCollection);
        var answer = await sender.SendAsync(HttpMethod.Put, Collection(collection), body, Json.EnvelopeBoolean, ct, tolerateConflict: true);
        return answer is not null;
    }

    public Task CreatePayloadIndexAsync(string collection, string field, string schema, CancellationToken ct) =>
        UpdateAsync(HttpMethod.Put, Collection(collection, "index?wait=true"),
            JsonBody.Of(new CreateFieldIndex(field, schema), Json.CreateFieldIndex), ct);

    public Task UpsertAsync(string collection, IReadOnlyList<PointStruct> points, CancellationToken ct) =>
        UpdateAsync(HttpMethod.Put, Collection(collection, "points?wait=true"),
            JsonBody.Of(new PointsList(points), Json.PointsList, points.Sum(p => p.MaxJsonBytes())), ct);

    /// <summary>Deletes the points matching <paramref name="filter"/>.</summary>
    public Task DeleteAsync(string collection, Filter filter, CancellationToken ct) =>
        UpdateAsync(HttpMethod.Post, Collection(collection, "points/delete?wait=true"),
            JsonBody.Of(new FilterSelector(filter), Json.FilterSelector), ct);

    public async Task<IReadOnlyList<Record>> RetrieveAsync(string collection, IReadOnlyList<string> ids, IReadOnlyList<string> withPayload, CancellationToken ct) =>
        await ResultAsync(HttpMethod.Post, Collection(collection, "points"),
            JsonBody.Of(new PointRequest(ids, withPayload), Json.PointRequest), Json.EnvelopeListRecord, ct);

    public Task<ScrollResult> ScrollAsync(string collection, ScrollRequest request, CancellationToken ct) =>
        ResultAsync(HttpMethod.Post, Collection(collection, "points/scroll"),
            JsonBody.Of(request, Json.ScrollRequest), Json.EnvelopeScrollResult, ct);

    public async Task<long> CountAsync(string collection, Filter? filter, CancellationToken ct) =>
        (await ResultAsync(HttpMethod.Post, Collection(collection, "points/count"),
            JsonBody.Of(new CountRequest(filter), Json.CountRequest), Json.EnvelopeCountResult, ct)).Count;

    public async Task<IReadOnlyList<ScoredPoint>> QueryAsync(string collection, QueryRequest request, CancellationToken ct) =>
        (await ResultAsync(HttpMethod.Post, Collection(collection, "points/query"),
            JsonBody.Of(request, Json.QueryRequest), Json.EnvelopeQueryResponse, ct)).Points;

    /// <summary>POST points/query/batch: each request's candidates (id, score, article id), in request order.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<Candidate>>> QueryCandidatesAsync(string collection, IReadOnlyList<QueryRequest> requests, CancellationToken ct)
    {
        var path = Collection(collection, "points/query/batch");
        var responses = await ResultAsync(HttpMethod.Post, path,
            JsonBody.Of(new QueryRequestBatch(requests), Json.QueryRequestBatch), Json.EnvelopeListCandidateList, ct);
        return responses.Count == requests.Count
            ? responses.Select(r => r.Points).ToList()
            : throw QdrantErrors.Unreadable(options.Url, $"POST /{path}", $"{responses.Count} results for {requests.Count} queries");
    }

    public async Task<IReadOnlyList<PointGroup>> QueryGroupsAsync(string collection, QueryGroupsRequest request, CancellationToken ct) =>
        (await ResultAsync(HttpMethod.Post, Collection(collection, "points/query/groups"),
            JsonBody.Of(request, Json.QueryGroupsRequest), Json.EnvelopeGroupsResult, ct)).Groups;

    /// <summary>GET /telemetry at the level that lists segments (their disk and RAM sizes).</summary>
    public Task<JsonElement> GetTelemetryAsync(CancellationToken ct) =>
        ResultAsync(HttpMethod.Get, "telemetry?details_level=4", null, Json.EnvelopeJsonElement, ct);

    private async Task UpdateAsync(HttpMethod method, string path, JsonBody body, CancellationToken ct)
    {
        var result = await ResultAsync(method, path, body, Json.EnvelopeUpdateResult, ct);
        // With wait=true a wait_timeout still means "queued in the WAL": later operations are
        // applied after it, so ordering holds, but say so.
        if (result.Status == "wait_timeout")
            logger.LogWarning("Qdrant queued {Method} {Path} but did not finish it within its wait timeout", method, path);
    }

    /// <summary>Sends and parses; takes ownership of <paramref name="body"/> and disposes it once answered.</summary>
    private async Task<T> ResultAsync<T>(HttpMethod method, string path, JsonBody? body, JsonTypeInfo<Envelope<T>> type, CancellationToken ct)
    {
        Envelope<T>? envelope;
        using (body) envelope = await sender.SendAsync(method, path, body, type, ct);
        return envelope is { Result: { } result }
            ? result
            : throw QdrantErrors.Unreadable(options.Url, $"{method} /{path}", "the answer has no result");
    }

    private static string Collection(string name, string? rest = null) =>
        rest is null ? $"collections/{Uri.EscapeDataString(name)}" : $"collections/{Uri.EscapeDataString(name)}/{rest}";
}
