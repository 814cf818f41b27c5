using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Testing;
using Json.Schema;

namespace Bot.Testing.Qdrant;

/// <summary>
/// Qdrant 1.19's published OpenAPI contract as a request and response validator: the path and
/// method must exist, query parameters must be declared, the body must validate against the
/// operation's (adjusted) schema. Loaded once from the shared folder.
/// </summary>
public sealed partial class QdrantSpec
{
    private static readonly Lazy<QdrantSpec> Shared = new(() => new QdrantSpec(SharedData.QdrantOpenApi));
    private readonly List<Operation> operations = [];
    private readonly BuildOptions build = new() { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
    // A quick yes/no first; the detailed list only for the failures worth explaining.
    private static readonly EvaluationOptions Quick = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
    private static readonly EvaluationOptions Detailed = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The spec, or a skipped test when the shared folder is absent.</summary>
    public static QdrantSpec Load()
    {
        SharedData.Require("qdrant/openapi-v1.19.0.json");
        return Shared.Value;
    }

    private QdrantSpec(string path)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        var defs = new JsonObject();
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
            defs[name] = OpenApiSchemaAdjuster.Adjust(schema!);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = OpenApiSchemaAdjuster.BaseUri,
            ["$defs"] = defs,
        };
        JsonSchema.Build(JsonSerializer.SerializeToElement(root), build);

        foreach (var (template, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            var parameters = (operation!["parameters"] as JsonArray ?? []).Select(p => p!).ToList();
            var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
            var responses = new Dictionary<string, JsonSchema>();
            foreach (var (status, response) in operation["responses"]!.AsObject())
                if (response!["content"]?["application/json"]?["schema"] is { } schema)
                    responses[status] = Compile(schema);
            operations.Add(new Operation(
                method.ToUpperInvariant(), template, TemplateRegex(template), template.Count(c => c == '{'),
                parameters.Where(p => (string?)p["in"] == "query").ToDictionary(p => (string)p["name"]!, p => Compile(p["schema"]!)),
                parameters.Where(p => (string?)p["in"] == "path").ToDictionary(p => (string)p["name"]!, p => Compile(p["schema"]!)),
                body is null ? null : Compile(body),
                operation["requestBody"]?["required"]?.GetValue<bool>() ?? false,
                responses));
        }
    }

    /// <summary>Every problem with the request; empty when it honours the contract.</summary>
    public IReadOnlyList<string> ValidateRequest(string method, string pathAndQuery, string? body)
    {
        var (operation, query, problem) = Find(method, pathAndQuery);
        if (operation is null) return [problem!];
        var problems = new List<string>();
        var path = operation.Regex.Match(pathAndQuery.Split('?', 2)[0]);
        foreach (var (name, schema) in operation.PathParameters)
            problems.AddRange(Check(schema, QueryValue(Uri.UnescapeDataString(path.Groups[name].Value)), $"{operation} {{{name}}}"));
        foreach (var (name, value) in query)
        {
            if (!operation.Query.TryGetValue(name, out var schema)) { problems.Add($"{operation}: undeclared query parameter '{name}'"); continue; }
            problems.AddRange(Check(schema, QueryValue(value), $"{operation} ?{name}"));
        }
        if (string.IsNullOrEmpty(body))
        {
            if (operation.RequiredBody) problems.Add($"{operation}: the request body is required");
            return problems;
        }
        if (operation.Body is null) return [.. problems, $"{operation}: takes no JSON body"];
        problems.AddRange(Check(operation.Body, Parse(body), operation + " body"));
        return problems;
    }

    /// <summary>Checks a JSON answer against the operation's schema for its status (exact, then 4XX/5XX, then default).</summary>
    public IReadOnlyList<string> ValidateResponse(string method, string pathAndQuery, int status, string body)
    {
        var (operation, _, problem) = Find(method, pathAndQuery);
        if (operation is null) return [problem!];
        var key = operation.Responses.ContainsKey(status.ToString()) ? status.ToString()
            : operation.Responses.ContainsKey($"{status / 100}XX") ? $"{status / 100}XX"
            : operation.Responses.ContainsKey("default") ? "default" : null;
        if (key is null) return [$"{operation}: no JSON response declared for HTTP {status}"];
        return Check(operation.Responses[key], Parse(body), $"{operation} response {status}");
    }

    /// <summary>The operation's response schema, to check hand-written answers in tests.</summary>
    public bool DeclaresOperation(string method, string pathAndQuery) => Find(method, pathAndQuery).Operation is not null;

    private (Operation? Operation, List<(string, string)> Query, string? Problem) Find(string method, string pathAndQuery)
    {
        var split = pathAndQuery.Split('?', 2);
        var path = split[0];
        var query = split.Length < 2 ? [] : split[1].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")).ToList();
        var matches = operations.Where(o => o.Regex.IsMatch(path)).ToList();
        if (matches.Count == 0) return (null, query, $"{method} {path}: no such path in Qdrant 1.19's API");
        var operation = matches.Where(o => o.Method == method.ToUpperInvariant()).MinBy(o => o.Placeholders);
        return operation is null
            ? (null, query, $"{method} {path}: the path exists but not for {method} (only {string.Join(", ", matches.Select(m => m.Method).Distinct())})")
            : (operation, query, null);
    }

    private JsonSchema Compile(JsonNode schema)
    {
        var adjusted = OpenApiSchemaAdjuster.Adjust(schema).AsObject();
        adjusted["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        return JsonSchema.Build(JsonSerializer.SerializeToElement(adjusted), build);
    }

    private static IReadOnlyList<string> Check(JsonSchema schema, JsonElement instance, string where)
    {
        if (schema.Evaluate(instance, Quick).IsValid) return [];
        var result = schema.Evaluate(instance, Detailed);
        var errors = (result.Details ?? []).Append(result)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({e.Key} at {d.EvaluationPath})"))
            .Distinct().Take(12).ToList();
        return [$"{where} violates the contract: " + (errors.Count == 0 ? "invalid" : string.Join("; ", errors))];
    }

    private static JsonElement Parse(string json)
    {
        try { return JsonDocument.Parse(json).RootElement.Clone(); }
        catch (JsonException e) { return JsonSerializer.SerializeToElement("not JSON: " + e.Message); }
    }

    /// <summary>Query strings and path segments are text; give the schema the JSON value the text stands for.</summary>
    private static JsonElement QueryValue(string text) =>
        text is "true" or "false" || long.TryParse(text, out _) ? JsonDocument.Parse(text).RootElement.Clone() : JsonSerializer.SerializeToElement(text);

    private static Regex TemplateRegex(string template) =>
        new("^" + Placeholder().Replace(Regex.Escape(template).Replace(@"\{", "{"), m => $"(?<{m.Value[1..^1]}>[^/]+)") + "$");

    [GeneratedRegex(@"\{[^/}]+\}")]
    private static partial Regex Placeholder();

    private sealed record Operation(
        string Method, string Template, Regex Regex, int Placeholders,
        Dictionary<string, JsonSchema> Query, Dictionary<string, JsonSchema> PathParameters, JsonSchema? Body, bool RequiredBody, Dictionary<string, JsonSchema> Responses)
    {
        public override string ToString() => $"{Method} {Template}";
    }
}
