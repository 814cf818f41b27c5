using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Channels.BotFramework.Schema;

/// <summary>How activities travel: camelCase, nulls omitted, case-insensitive on the way in.</summary>
public static class BotFrameworkJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The Connector is not an HTML page: keep markdown and non-ASCII text unescaped so sizes stay honest.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static string SerializeToString<T>(T value) => JsonSerializer.Serialize(value, Options);
}
