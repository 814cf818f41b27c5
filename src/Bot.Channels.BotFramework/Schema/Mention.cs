namespace Bot.Channels.BotFramework.Schema;

/// <summary>An @mention in a message: who was mentioned and the markup ("&lt;at&gt;Bot&lt;/at&gt;") standing for it in the text.</summary>
public sealed record Mention(string? MentionedId, string? Text)
{
    public const string EntityType = "mention";

    public static IEnumerable<Mention> In(Activity activity) =>
        (activity.Entities ?? [])
            .Where(e => string.Equals(e.Type, EntityType, StringComparison.OrdinalIgnoreCase))
            .Select(e => new Mention(e.GetString("mentioned.id"), e.GetString("text")));
}
