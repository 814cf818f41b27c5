using System.Text.RegularExpressions;
using Bot.Channels.BotFramework.Schema;

namespace Bot.Channels.BotFramework.Turns;

/// <summary>Whether a message is meant for the bot, and the question it asks without the @mention markup.</summary>
public static partial class QuestionText
{
    /// <summary>In group chats and channels the bot only answers when @mentioned; 1:1 chats always address it.</summary>
    public static bool IsAddressedToBot(Activity activity) =>
        !IsGroupConversation(activity.Conversation)
        || Mention.In(activity).Any(m => m.MentionedId is not null && m.MentionedId == activity.Recipient?.Id);

    public static bool IsGroupConversation(ConversationAccount? conversation) =>
        conversation?.IsGroup == true || conversation?.ConversationType is ChannelIds.GroupChatConversation or ChannelIds.ChannelConversation;

    /// <summary>The message text with every &lt;at&gt;…&lt;/at&gt; mention removed and whitespace tidied.</summary>
    public static string Of(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in Mention.In(activity))
            if (!string.IsNullOrEmpty(mention.Text))
                text = text.Replace(mention.Text, " ", StringComparison.Ordinal);
        text = AtTag().Replace(text, " ");
        return SpaceBeforePunctuation().Replace(Whitespace().Replace(text, " "), "$1").Trim();
    }

    [GeneratedRegex(@"<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+([,.;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}
