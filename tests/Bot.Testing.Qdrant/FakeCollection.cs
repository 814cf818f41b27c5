using System.Text.Json.Nodes;

namespace Bot.Testing.Qdrant;

/// <summary>One collection of <see cref="FakeQdrantEngine"/>: its points, vectors config and payload indexes.</summary>
public sealed class FakeCollection(string name, JsonObject create)
{
    private const double RrfK = 2; // Qdrant's default k
    private readonly Dictionary<string, FakePoint> points = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> indexes = new(StringComparer.Ordinal);
    private readonly JsonObject vectors = create["vectors"]?.DeepClone().AsObject() ?? [];
    private readonly JsonObject sparse = create["sparse_vectors"]?.DeepClone().AsObject() ?? [];

    public string Name => name;
    public JsonObject CreateRequest { get; } = (JsonObject)create.DeepClone();
    public IReadOnlyCollection<FakePoint> Points => points.Values;
    public IReadOnlyDictionary<string, string> Indexes => indexes;

    public JsonObject Info() => new()
    {
        ["status"] = "green",
        ["optimizer_status"] = "ok",
        ["indexed_vectors_count"] = 0,
        ["points_count"] = points.Count,
        ["segments_count"] = 1,
        ["config"] = new JsonObject
        {
            ["params"] = new JsonObject
            {
                ["vectors"] = vectors.DeepClone(),
                ["shard_number"] = 1,
                ["replication_factor"] = 1,
                ["write_consistency_factor"] = 1,
                ["on_disk_payload"] = true,
                ["sparse_vectors"] = sparse.DeepClone(),
            },
            ["hnsw_config"] = new JsonObject { ["m"] = 16, ["ef_construct"] = 100, ["full_scan_threshold"] = 10000 },
            ["optimizer_config"] = new JsonObject { ["default_segment_number"] = 0, ["flush_interval_sec"] = 5 },
        },
        ["payload_schema"] = new JsonObject(indexes.Select(i => KeyValuePair.Create(i.Key,
            (JsonNode?)new JsonObject { ["data_type"] = i.Value, ["points"] = points.Values.Count(p => p.Payload.ContainsKey(i.Key)) }))),
    };

    public JsonObject Telemetry() => new()
    {
        ["id"] = name,
        ["shards"] = new JsonArray(new JsonObject
        {
            ["id"] = 0,
            ["remote"] = new JsonArray(),
            ["replicate_states"] = new JsonObject(),
            ["local"] = new JsonObject
            {
                ["total_optimized_points"] = 0,
                ["segments"] = new JsonArray(new JsonObject
                {
                    ["info"] = new JsonObject
                    {
                        ["uuid"] = "00000000-0000-4000-8000-000000000001",
                        ["segment_type"] = "plain",
                        ["num_vectors"] = points.Count,
                        ["num_points"] = points.Count,
                        ["num_indexed_vectors"] = 0,
                        ["num_deleted_vectors"] = 0,
                        ["vectors_size_bytes"] = 0,
                        ["payloads_size_bytes"] = 0,
                        ["ram_usage_bytes"] = 1000 + points.Count * 10,
                        ["disk_usage_bytes"] = 4000 + points.Count * 100,
                        ["is_appendable"] = true,
                        ["index_schema"] = new JsonObject(),
                        ["vector_data"] = new JsonObject(),
                    },
                    ["config"] = new JsonObject { ["payload_storage_type"] = new JsonObject { ["type"] = "mmap" } },
                    ["vector_index_searches"] = new JsonArray(),
                    ["payload_field_indices"] = new JsonArray(),
                }),
            },
        }),
    };

    public string? CreateIndex(string field, JsonNode schema)
    {
        indexes[field] = schema.GetValue<string>();
        return null;
    }

    public string? Upsert(JsonArray batch)
    {
        var parsed = new List<FakePoint>();
        foreach (var node in batch)
        {
            var id = node!["id"]!.ToString();
            var point = new FakePoint(id, node["payload"]?.DeepClone().AsObject() ?? []);
            if (node["vector"] is not JsonObject named) return "Wrong input: this fake only takes named vectors";
            foreach (var (vectorName, value) in named)
            {
                if (value is JsonArray array)
                {
                    var config = vectors[vectorName] ?? throw new FakeQdrantException($"Wrong input: Not existing vector name error: {vectorName}");
                    var size = config["size"]!.GetValue<int>();
                    var multi = config["multivector_config"] is not null;
                    var rows = array.Count > 0 && array[0] is JsonArray ? array.Select(r => r!.AsArray()).ToList() : [array];
                    if (multi != (array.Count > 0 && array[0] is JsonArray))
                        throw new FakeQdrantException($"Wrong input: vector '{vectorName}' expects a {(multi ? "multivector" : "single vector")}");
                    foreach (var row in rows)
                        if (row.Count != size) throw new FakeQdrantException($"Wrong input: Vector dimension error: expected dim: {size}, got {row.Count}");
                    point.Dense[vectorName] = [.. rows.Select(r => r.Select(x => x!.GetValue<float>()).ToArray())];
                }
                else if (value is JsonObject { } s && sparse.ContainsKey(vectorName))
                    point.Sparse[vectorName] = s["indices"]!.AsArray().Zip(s["values"]!.AsArray())
                        .ToDictionary(p => p.First!.GetValue<uint>(), p => p.Second!.GetValue<float>());
                else throw new FakeQdrantException($"Wrong input: Not existing vector name error: {vectorName}");
            }
            parsed.Add(point);
        }
        foreach (var point in parsed) points[point.Id] = point with { Version = points.GetValueOrDefault(point.Id)?.Version + 1 ?? 0 };
        return null;
    }

    public JsonArray Retrieve(JsonObject request)
    {
        var include = request["with_payload"];
        return new JsonArray([.. request["ids"]!.AsArray()
            .Select(id => points.GetValueOrDefault(id!.ToString()))
            .OfType<FakePoint>()
            .Select(p => (JsonNode)Record(p, include ?? true))]);
    }

    public string? Delete(JsonObject request)
    {
        var doomed = request["filter"] is JsonObject filter
            ? points.Values.Where(p => FakeFilter.Matches(filter, p)).Select(p => p.Id).ToList()
            : request["points"]!.AsArray().Select(id => id!.ToString()).ToList();
        foreach (var id in doomed) points.Remove(id);
        return null;
    }

    public long Count(JsonObject? filter) => points.Values.Count(p => filter is null || FakeFilter.Matches(filter, p));

    public JsonObject Scroll(JsonObject request)
    {
        var filter = request["filter"] as JsonObject;
        var limit = request["limit"]?.GetValue<int>() ?? 10;
        var include = request["with_payload"] ?? true;
        var selected = points.Values.Where(p => filter is null || FakeFilter.Matches(filter, p));
        if (request["order_by"] is { } orderBy)
        {
            var key = orderBy is JsonObject o ? (string)o["key"]! : orderBy.GetValue<string>();
            var descending = orderBy is JsonObject d && (string?)d["direction"] == "desc";
            var ordered = selected.Select(p => (Point: p, Value: FakeFilter.OrderValue(p.Payload[key]))).Where(x => x.Value is not null);
            ordered = descending ? ordered.OrderByDescending(x => x.Value).ThenByDescending(x => x.Point.Id, StringComparer.Ordinal)
                : ordered.OrderBy(x => x.Value).ThenBy(x => x.Point.Id, StringComparer.Ordinal);
            return new JsonObject { ["points"] = new JsonArray([.. ordered.Take(limit).Select(x => (JsonNode)Record(x.Point, include))]), ["next_page_offset"] = null };
        }
        var byId = selected.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var start = request["offset"] is { } offset ? byId.FindIndex(p => string.CompareOrdinal(p.Id, offset.ToString()) >= 0) : 0;
        if (start < 0) start = byId.Count;
        var page = byId.Skip(start).Take(limit + 1).ToList();
        return new JsonObject
        {
            ["points"] = new JsonArray([.. page.Take(limit).Select(p => (JsonNode)Record(p, include))]),
            ["next_page_offset"] = page.Count > limit ? page[limit].Id : null,
        };
    }

    public JsonObject Query(JsonObject request)
    {
        var limit = request["limit"]?.GetValue<int>() ?? 10;
        var include = request["with_payload"] ?? false;
        return new JsonObject { ["points"] = new JsonArray([.. Rank(request).Take(limit).Select(h => (JsonNode)Scored(h.Point, h.Score, include))]) };
    }

    public JsonObject QueryGroups(JsonObject request)
    {
        var groupBy = (string)request["group_by"]!;
        var size = request["group_size"]?.GetValue<int>() ?? 3;
        var limit = request["limit"]?.GetValue<int>() ?? 10;
        var include = request["with_payload"] ?? false;
        var groups = new List<(string Id, List<(FakePoint Point, double Score)> Hits)>();
        foreach (var hit in Rank(request))
        {
            if (hit.Point.Payload[groupBy] is not JsonValue value) continue;
            var id = value.ToString();
            var group = groups.FirstOrDefault(g => g.Id == id);
            if (group.Hits is null) { if (groups.Count == limit) continue; groups.Add(group = (id, [])); }
            if (group.Hits.Count < size) group.Hits.Add(hit);
        }
        return new JsonObject
        {
            ["groups"] = new JsonArray([.. groups.Select(g => (JsonNode)new JsonObject
            {
                ["id"] = g.Id,
                ["hits"] = new JsonArray([.. g.Hits.Select(h => (JsonNode)Scored(h.Point, h.Score, include))]),
            })]),
        };
    }

    /// <summary>All points the request scores, best first (limits are applied by the caller).</summary>
    private List<(FakePoint Point, double Score)> Rank(JsonObject request)
    {
        var filter = request["filter"] as JsonObject;
        var candidates = points.Values.Where(p => filter is null || FakeFilter.Matches(filter, p));
        var query = request["query"];
        if (request["prefetch"] is { } prefetch)
        {
            var branches = (prefetch is JsonArray many ? many.Select(p => p!.AsObject()) : [prefetch.AsObject()])
                .Select(p => Rank(p).Take(p["limit"]?.GetValue<int>() ?? 10).ToList()).ToList();
            if ((string?)query?["fusion"] != "rrf") throw new FakeQdrantException("Wrong input: this fake fuses prefetches with rrf only");
            var allowed = candidates.Select(p => p.Id).ToHashSet();
            return branches.SelectMany(b => b.Select((hit, rank) => (hit.Point, Score: 1.0 / (RrfK + rank + 1))))
                .Where(h => allowed.Contains(h.Point.Id))
                .GroupBy(h => h.Point.Id)
                .Select(g => (g.First().Point, g.Sum(h => h.Score)))
                .OrderByDescending(h => h.Item2).ThenBy(h => h.Point.Id, StringComparer.Ordinal).ToList();
        }
        var input = query is JsonObject { } q && q["nearest"] is { } nearest ? nearest : query
            ?? throw new FakeQdrantException("Wrong input: this fake needs a query");
        var vectorName = (string?)request["using"] ?? "";
        IEnumerable<(FakePoint, double)> scored = input is JsonArray dense
            ? MaxSim(candidates, vectorName, dense.Count > 0 && dense[0] is JsonArray
                ? [.. dense.Select(r => r!.AsArray().Select(x => x!.GetValue<float>()).ToArray())]
                : [[.. dense.Select(x => x!.GetValue<float>())]])
            : SparseDot(candidates, vectorName, input.AsObject());
        return scored.OrderByDescending(h => h.Item2).ThenBy(h => h.Item1.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Cosine; for several vectors per side, Qdrant's max_sim: the sum over query vectors of the best match among the point's.</summary>
    private static IEnumerable<(FakePoint, double)> MaxSim(IEnumerable<FakePoint> candidates, string vectorName, float[][] query)
    {
        foreach (var point in candidates)
            if (point.Dense.TryGetValue(vectorName, out var rows))
                yield return (point, query.Sum(q => rows.Max(r => Cosine(q, r))));
    }

    private static double Cosine(float[] a, float[] b)
    {
        var dot = a.Zip(b).Sum(p => (double)p.First * p.Second);
        var norm = Math.Sqrt(a.Sum(x => (double)x * x)) * Math.Sqrt(b.Sum(x => (double)x * x));
        return norm == 0 ? 0 : dot / norm;
    }

    /// <summary>Dot product over shared dimensions; with the IDF modifier each dimension is weighted by ln(1 + (N − n + 0.5)/(n + 0.5)).</summary>
    private IEnumerable<(FakePoint, double)> SparseDot(IEnumerable<FakePoint> candidates, string vectorName, JsonObject query)
    {
        var terms = query["indices"]!.AsArray().Zip(query["values"]!.AsArray()).Select(p => (Index: p.First!.GetValue<uint>(), Weight: p.Second!.GetValue<float>())).ToList();
        var idf = (string?)sparse[vectorName]?["modifier"] == "idf";
        var holders = points.Values.Where(p => p.Sparse.ContainsKey(vectorName)).ToList();
        var weights = terms.ToDictionary(t => t.Index, t =>
        {
            if (!idf) return (double)t.Weight;
            var n = holders.Count(p => p.Sparse[vectorName].ContainsKey(t.Index));
            return t.Weight * Math.Log(1 + (holders.Count - n + 0.5) / (n + 0.5));
        });
        foreach (var point in candidates)
        {
            if (!point.Sparse.TryGetValue(vectorName, out var vector)) continue;
            var shared = weights.Where(w => vector.ContainsKey(w.Key)).ToList();
            if (shared.Count == 0) continue;
            yield return (point, shared.Sum(w => w.Value * vector[w.Key]));
        }
    }

    private static JsonObject Record(FakePoint point, JsonNode include) => new()
    {
        ["id"] = point.Id,
        ["payload"] = FakeFilter.SelectPayload(point.Payload, include),
    };

    private static JsonObject Scored(FakePoint point, double score, JsonNode include) => new()
    {
        ["id"] = point.Id,
        ["version"] = point.Version,
        ["score"] = Math.Round(score, 6),
        ["payload"] = FakeFilter.SelectPayload(point.Payload, include),
    };
}

public sealed record FakePoint(string Id, JsonObject Payload)
{
    public Dictionary<string, float[][]> Dense { get; } = [];
    public Dictionary<string, Dictionary<uint, float>> Sparse { get; } = [];
    public long Version { get; init; }
}
