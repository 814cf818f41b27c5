namespace Bot.Core.Conversations;

/// <summary>How much conversation the bot remembers (configuration section "Conversation").</summary>
public sealed class ConversationOptions
{
    /// <summary>Recent turns kept per conversation for follow-up questions.</summary>
    public int MaxTurns { get; set; } = 6;

    /// <summary>A conversation idle this long is forgotten.</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Conversations kept at once; the least recently used go first beyond this.</summary>
    public int MaxConversations { get; set; } = 10_000;
}
