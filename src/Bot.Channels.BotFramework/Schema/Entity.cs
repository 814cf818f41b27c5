using System.Text.Json;
using System.Text.Json.Nodes;
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
    public JsonObject? Properties { get; init; }

    /// <summary>An entity of <paramref name="type"/> whose other fields are the serialized <paramref name="properties"/>.</summary>
    public static Entity Create<T>(string type, T properties) => new()
    {
        Type = type,
        Properties = JsonSerializer.SerializeToNode(properties, BotFrameworkJson.Options)?.AsObject(),
    };

    /// <summary>The string at a dotted path ("mentioned.id"), or null when absent or not a string.</summary>
    public string? GetString(string path)
    {
        JsonNode? node = Properties;
        foreach (var part in path.Split('.'))
            node = node is JsonObject obj ? obj[part] : null;
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
