using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Testing.Qdrant;

/// <summary>
/// An in-memory Qdrant with the semantics the adapter relies on (named dense and sparse vectors,
/// IDF-weighted sparse dot products, cosine, RRF fusion, groups, batches, filters, ordered scrolls), answering
/// in the shapes of Qdrant 1.19's OpenAPI contract. Written from Qdrant's documented behaviour, not
/// its code; the real-server tests (QDRANT_URL) check the same store against the real thing.
/// </summary>
public sealed partial class FakeQdrantEngine
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, FakeCollection> collections = new(StringComparer.Ordinal);
    private long operations;

    public string Version { get; set; } = "1.19.0";

    public FakeCollection? Collection(string name)
    {
        lock (gate) return collections.GetValueOrDefault(name);
    }

    public FakeAnswer Handle(string method, string path, JsonNode? body)
    {
        lock (gate)
        {
            try { return Route(method, path.Trim('/'), body); }
            catch (FakeQdrantException e) { return Error(400, e.Message); }
        }
    }

    private FakeAnswer Route(string method, string path, JsonNode? body)
    {
        if (method == "GET" && path == "") return Json(new JsonObject { ["title"] = "qdrant - vector search engine", ["version"] = Version, ["commit"] = "fake" }, envelope: false);
        if (method == "GET" && path is "readyz" or "healthz" or "livez") return new FakeAnswer(200, null, "all shards are ready");
        if (method == "GET" && path == "telemetry") return Json(Telemetry());
        var match = CollectionPath().Match(path);
        if (!match.Success) return Error(404, $"Not found: {path}");
        var name = Uri.UnescapeDataString(match.Groups["name"].Value);
        var rest = match.Groups["rest"].Value;
        var collection = collections.GetValueOrDefault(name);
        if ((method, rest) == ("GET", "exists")) return Json(new JsonObject { ["exists"] = collection is not null });
        if ((method, rest) == ("PUT", ""))
        {
            if (collection is not null) return Error(409, $"Wrong input: Collection `{name}` already exists!");
            collections[name] = new FakeCollection(name, body!.AsObject());
            return Json(true);
        }
        if (collection is null) return Error(404, $"Not found: Collection `{name}` doesn't exist!");
        return (method, rest) switch
        {
            ("GET", "") => Json(collection.Info()),
            ("PUT", "index") => Update(() => collection.CreateIndex((string)body!["field_name"]!, body["field_schema"]!)),
            ("PUT", "points") => Update(() => collection.Upsert(body!["points"]!.AsArray())),
            ("POST", "points") => Json(collection.Retrieve(body!.AsObject())),
            ("POST", "points/delete") => Update(() => collection.Delete(body!.AsObject())),
            ("POST", "points/count") => Json(new JsonObject { ["count"] = collection.Count(body?["filter"] as JsonObject) }),
            ("POST", "points/scroll") => Json(collection.Scroll(body!.AsObject())),
            ("POST", "points/query") => Json(collection.Query(body!.AsObject())),
            ("POST", "points/query/groups") => Json(collection.QueryGroups(body!.AsObject())),
            ("POST", "points/query/batch") => Json(new JsonArray([.. body!["searches"]!.AsArray().Select(s => (JsonNode)collection.Query(s!.AsObject()))])),
            _ => Error(404, $"Not found: {method} {path}"),
        };
    }

    private FakeAnswer Update(Func<string?> apply)
    {
        if (apply() is { } problem) return Error(400, problem);
        return Json(new JsonObject { ["operation_id"] = ++operations, ["status"] = "completed" });
    }

    private JsonObject Telemetry() => new()
    {
        ["id"] = "fake-node",
        ["collections"] = new JsonObject
        {
            ["number_of_collections"] = collections.Count,
            ["collections"] = new JsonArray([.. collections.Values.Select(c => (JsonNode)c.Telemetry())]),
        },
    };

    private static FakeAnswer Json(JsonNode result, bool envelope = true) =>
        new(200, envelope ? new JsonObject { ["result"] = result, ["status"] = "ok", ["time"] = 0.0001 } : result, null);

    public static FakeAnswer Error(int status, string message) =>
        new(status, new JsonObject { ["status"] = new JsonObject { ["error"] = message }, ["time"] = 0.0 }, null);

    [GeneratedRegex("^collections/(?<name>[^/]+)/?(?<rest>.*)$")]
    private static partial Regex CollectionPath();
}

public sealed record FakeAnswer(int Status, JsonNode? Json, string? Text);

public sealed class FakeQdrantException(string message) : Exception(message);
