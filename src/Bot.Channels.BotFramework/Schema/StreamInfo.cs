namespace Bot.Channels.BotFramework.Schema;

/// <summary>
/// The Teams streaming entity: marks an activity as part of a streamed answer. The first update carries no
/// <see cref="StreamId"/> (Teams returns it); sequence numbers start at 1 and are absent on the final message.
/// </summary>
public sealed record StreamInfo(string? StreamId, string StreamType, int? StreamSequence)
{
    public const string EntityType = "streaminfo";

    public const string Informative = "informative";
    public const string Streaming = "streaming";
    public const string Final = "final";

    public Entity ToEntity() => Entity.Create(EntityType, this);
}
