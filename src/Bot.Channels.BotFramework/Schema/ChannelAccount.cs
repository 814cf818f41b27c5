namespace Bot.Channels.BotFramework.Schema;

/// <summary>A user or bot on a channel.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
}

/// <summary>A conversation: 1:1 ("personal"), group chat ("groupChat") or channel ("channel") in Teams.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ConversationType { get; init; }
    public bool? IsGroup { get; init; }
    public string? TenantId { get; init; }
}

/// <summary>The id the Connector gives a created activity; Teams streaming uses the first one as the stream id.</summary>
public sealed record ResourceResponse(string? Id);
