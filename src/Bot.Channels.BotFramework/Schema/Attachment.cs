using System.Text.Json.Nodes;

namespace Bot.Channels.BotFramework.Schema;

/// <summary>A card or file sent with a message; the bot sends Adaptive Cards (the welcome card).</summary>
public sealed record Attachment(string ContentType, JsonObject Content)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    public static Attachment AdaptiveCard(JsonObject card) => new(AdaptiveCardType, card);
}
