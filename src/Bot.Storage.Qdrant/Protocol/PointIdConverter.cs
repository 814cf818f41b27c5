using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Storage.Qdrant.Protocol;

/// <summary>
/// A point id as text whichever form Qdrant sends it in (UUID string or unsigned integer). Read as a string
/// rather than a JsonElement: each JsonElement copies its own document, which showed up per search hit.
/// </summary>
internal sealed class PointIdConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadId(ref reader);

    /// <summary>The id at the reader's current token.</summary>
    public static string ReadId(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => reader.GetUInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new JsonException($"A point id is a string or an unsigned integer, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
