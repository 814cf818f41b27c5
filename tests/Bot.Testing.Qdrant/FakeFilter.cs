using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Testing.Qdrant;

/// <summary>Qdrant's filter semantics over JSON payloads (the condition kinds the adapter sends, and nested filters).</summary>
public static class FakeFilter
{
    public static bool Matches(JsonObject filter, FakePoint point) =>
        Conditions(filter["must"]).All(c => Condition(c, point))
        && (Conditions(filter["should"]) is var should && (should.Count == 0 || should.Any(c => Condition(c, point))))
        && !Conditions(filter["must_not"]).Any(c => Condition(c, point));

    private static List<JsonObject> Conditions(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select(c => c!.AsObject())],
        _ => [node.AsObject()],
    };

    private static bool Condition(JsonObject condition, FakePoint point)
    {
        if (condition.ContainsKey("must") || condition.ContainsKey("should") || condition.ContainsKey("must_not"))
            return Matches(condition, point);
        if (condition["is_empty"] is JsonObject empty)
            return Values(point.Payload[(string)empty["key"]!]).Count == 0;
        if (condition["has_vector"] is JsonValue vector)
            return point.Dense.ContainsKey(vector.GetValue<string>()) || point.Sparse.ContainsKey(vector.GetValue<string>());
        if (condition["has_id"] is JsonArray ids)
            return ids.Any(id => id!.ToString() == point.Id);
        var values = Values(point.Payload[(string)condition["key"]!]);
        if (condition["match"] is JsonObject match)
        {
            if (match["value"] is { } value) return values.Any(v => Same(v, value));
            if (match["any"] is JsonArray any) return values.Any(v => any.Any(a => Same(v, a!)));
            throw new FakeQdrantException("Wrong input: unsupported match " + match.ToJsonString());
        }
        if (condition["range"] is JsonObject range)
            return values.Any(v => InRange(v, range));
        throw new FakeQdrantException("Wrong input: unsupported condition " + condition.ToJsonString());
    }

    private static List<JsonNode> Values(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.OfType<JsonNode>()],
        _ when node.GetValueKind() == JsonValueKind.Null => [],
        _ => [node],
    };

    private static bool Same(JsonNode a, JsonNode b) => a.GetValueKind() == b.GetValueKind() && a.ToJsonString() == b.ToJsonString();

    private static bool InRange(JsonNode value, JsonObject range)
    {
        var v = OrderValue(value);
        if (v is null) return false;
        bool Check(string op, Func<double, double, bool> test) => range[op] is not { } bound || OrderValue(bound) is not { } b || test(v.Value, b);
        return Check("gte", (x, b) => x >= b) && Check("lte", (x, b) => x <= b) && Check("gt", (x, b) => x > b) && Check("lt", (x, b) => x < b);
    }

    /// <summary>Numbers as they are; RFC 3339 strings as Unix time in microseconds (Qdrant's datetime index precision).</summary>
    public static double? OrderValue(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => node.GetValue<double>(),
        JsonValueKind.String when DateTimeOffset.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d)
            => (d.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10,
        _ => null,
    };

    public static JsonObject? SelectPayload(JsonObject payload, JsonNode include)
    {
        switch (include)
        {
            case JsonValue flag when flag.GetValueKind() is JsonValueKind.True: return (JsonObject)payload.DeepClone();
            case JsonValue: return null;
            case JsonArray keys: return Pick(payload, keys.Select(k => (string)k!));
            case JsonObject selector when selector["include"] is JsonArray keys: return Pick(payload, keys.Select(k => (string)k!));
            case JsonObject selector when selector["exclude"] is JsonArray keys:
                return Pick(payload, payload.Select(p => p.Key).Except(keys.Select(k => (string)k!)));
            default: throw new FakeQdrantException("Wrong input: unsupported with_payload " + include.ToJsonString());
        }
    }

    private static JsonObject Pick(JsonObject payload, IEnumerable<string> keys) =>
        new(keys.Where(payload.ContainsKey).Select(k => KeyValuePair.Create(k, payload[k]?.DeepClone())));
}
