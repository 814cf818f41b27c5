using System.Text.Json.Serialization;

namespace Bot.Channels.BotFramework.Schema;

/// <summary>
/// The schema.org Message entity Teams reads for the "AI generated" label and for citations:
/// every [n] marker in the text refers to the <see cref="Claim"/> at position n.
/// </summary>
public sealed record MessageEntity(
    [property: JsonPropertyName("citation")] IReadOnlyList<Claim>? Citation)
{
    public const string EntityType = "https://schema.org/Message";
    public const string AIGeneratedContent = "AIGeneratedContent";

    [JsonPropertyName("@type")] public string AtType => "Message";
    [JsonPropertyName("@context")] public string Context => "https://schema.org";
    /// <summary>Must be present and empty.</summary>
    [JsonPropertyName("@id")] public string AtId => "";
    [JsonPropertyName("additionalType")] public IReadOnlyList<string> AdditionalType => [AIGeneratedContent];

    public Entity ToEntity() => Entity.Create(EntityType, this);
}

/// <summary>One numbered citation.</summary>
public sealed record Claim(
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("appearance")] DigitalDocument Appearance)
{
    [JsonPropertyName("@type")] public string AtType => "Claim";
}

/// <summary>How a citation appears in the Teams pop-up.</summary>
public sealed record DigitalDocument(
    /// <summary>Title, at most <see cref="MaxNameLength"/> characters.</summary>
    [property: JsonPropertyName("name")] string Name,
    /// <summary>Excerpt, at most <see cref="MaxAbstractLength"/> characters.</summary>
    [property: JsonPropertyName("abstract")] string Abstract,
    [property: JsonPropertyName("url")] string? Url,
    /// <summary>At most <see cref="MaxKeywords"/> keywords of at most <see cref="MaxKeywordLength"/> characters.</summary>
    [property: JsonPropertyName("keywords")] IReadOnlyList<string>? Keywords)
{
    public const int MaxNameLength = 80;
    public const int MaxAbstractLength = 160;
    public const int MaxKeywords = 3;
    public const int MaxKeywordLength = 28;

    [JsonPropertyName("@type")] public string AtType => "DigitalDocument";

    /// <summary>The full citation, shown in the window behind the pop-up: a stringified Adaptive Card.</summary>
    [JsonPropertyName("text")] public string? Text { get; init; }
    /// <summary>How <see cref="Text"/> is encoded ("application/vnd.microsoft.card.adaptive").</summary>
    [JsonPropertyName("encodingFormat")] public string? EncodingFormat { get; init; }
}
