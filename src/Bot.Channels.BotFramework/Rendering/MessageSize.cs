using Bot.Channels.BotFramework.Schema;

namespace Bot.Channels.BotFramework.Rendering;

/// <summary>
/// A message's size as Teams counts it: the serialized activity in UTF-16, two bytes per code unit. Teams
/// refuses messages of about 100 KB and advises staying under 80 KB, the default budget.
/// </summary>
public static class MessageSize
{
    public const int DefaultBudget = 80_000;

    public static int Of(Activity message) => Of(BotFrameworkJson.SerializeToString(message));

    public static int Of(string text) => text.Length * sizeof(char);
}
