using System.Text.Json.Nodes;

namespace Bot.Testing.Qdrant;

/// <summary>
/// Makes the OpenAPI 3.0 schemas strict JSON Schema 2020-12, as /work/shared/README.md prescribes:
/// <list type="bullet">
/// <item><c>nullable</c> becomes a null type (<c>{"nullable":true}</c> → <c>{"type":"null"}</c>,
/// <c>type: T, nullable</c> → <c>type: [T, "null"]</c>);</item>
/// <item>object schemas with <c>properties</c> and no <c>additionalProperties</c> get
/// <c>additionalProperties: false</c> (the spec has no allOf, so this is safe), which catches misspelled fields;</item>
/// <item>only the <c>uuid</c> and <c>date-time</c> formats stay, and the validator asserts them; OpenAPI's
/// numeric formats (uint64, float...) are code-generation hints, not JSON Schema formats.</item>
/// </list>
/// References to <c>#/components/schemas/X</c> become references into <see cref="BaseUri"/>'s <c>$defs</c>.
/// </summary>
public static class OpenApiSchemaAdjuster
{
    public const string BaseUri = "https://qdrant.spec.test/openapi";

    public static JsonNode Adjust(JsonNode schema)
    {
        var copy = schema.DeepClone();
        Visit(copy);
        return copy;
    }

    private static void Visit(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                AdjustObject(obj);
                foreach (var (key, child) in obj.ToList())
                {
                    if (key is "example" or "default" or "enum") continue; // data, not schemas
                    if (key == "properties" && child is JsonObject properties)
                        foreach (var (_, property) in properties.ToList()) Visit(property);
                    else Visit(child);
                }
                break;
            case JsonArray array:
                foreach (var item in array) Visit(item);
                break;
        }
    }

    private static void AdjustObject(JsonObject obj)
    {
        if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith("#/components/schemas/"))
            obj["$ref"] = BaseUri + "#/$defs/" + target["#/components/schemas/".Length..];
        if (obj.Remove("nullable", out var nullable) && nullable?.GetValue<bool>() == true)
        {
            if (obj["type"] is JsonValue type) obj["type"] = new JsonArray(type.GetValue<string>(), "null");
            else if (obj.Count(p => p.Key is not ("description" or "default" or "example" or "deprecated")) == 0) obj["type"] = "null";
            else throw new InvalidOperationException("Unexpected nullable shape: " + obj.ToJsonString());
        }
        if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties"))
            obj["additionalProperties"] = false;
        if (obj["format"] is JsonValue format && format.GetValue<string>() is not ("uuid" or "date-time"))
            obj.Remove("format");
    }
}
