using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Channels.BotFramework.Schema;

/// <summary>
/// Metadata attached to an activity (mentions, stream info, the schema.org Message carrying the AI label
/// and citations). Its shape depends on <see cref="Type"/>, so everything but the type stays as JSON.
/// </summary>
public sealed record Entity
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }

    /// <summary>An entity of <paramref name="type"/> whose other fields are the serialized <paramref name="properties"/>.</summary>
    public static Entity Create<T>(string type, T properties) => new()
    {
        Type = type,
        Properties = JsonSerializer.SerializeToElement(properties, BotFrameworkJson.Options)
            .EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value),
    };

    /// <summary>The string at a dotted path ("mentioned.id"), or null when absent or not a string.</summary>
    public string? GetString(string path)
    {
        var parts = path.Split('.');
        if (Properties is null || !Properties.TryGetValue(parts[0], out var node)) return null;
        foreach (var part in parts.Skip(1))
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node)) return null;
        return node.ValueKind == JsonValueKind.String ? node.GetString() : null;
    }
}
