namespace Bot.Channels.BotFramework.Schema;

/// <summary>Where to send activities in an existing conversation, and which activity is being answered.</summary>
public sealed record ConversationReference(
    string? ActivityId,
    ChannelAccount? User,
    ChannelAccount? Bot,
    ConversationAccount Conversation,
    string? ChannelId,
    string ServiceUrl,
    string? Locale)
{
    /// <summary>A new outgoing activity addressed from the bot to the user in this conversation.</summary>
    public Activity CreateActivity(string type, string? text = null) => new()
    {
        Type = type,
        Text = text,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        From = Bot,
        Recipient = User,
        Conversation = Conversation,
        Locale = Locale,
        ReplyToId = ActivityId,
    };
}
