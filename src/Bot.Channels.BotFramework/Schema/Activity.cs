using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Channels.BotFramework.Schema;

/// <summary>
/// The Bot Framework Activity: every message, event and command exchanged between a channel and the bot.
/// Only the fields this bot reads or writes are modelled; unknown fields are ignored on the way in.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? TextFormat { get; init; }
    public string? Text { get; init; }
    public string? Locale { get; init; }
    public string? ReplyToId { get; init; }
    /// <summary>The operation of an invoke or event activity ("message/submitAction").</summary>
    public string? Name { get; init; }
    public JsonElement? Value { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    /// <summary>What an installationUpdate reports: "add", "remove" (Teams may append "-upgrade").</summary>
    public string? Action { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public JsonObject? ChannelData { get; init; }

    /// <summary>The address for answering this activity: its conversation, with the bot and user swapped.</summary>
    public ConversationReference GetConversationReference() => new(
        ActivityId: Id,
        User: From,
        Bot: Recipient,
        Conversation: Conversation ?? new ConversationAccount(),
        ChannelId: ChannelId,
        ServiceUrl: ServiceUrl ?? "",
        Locale: Locale);
}
