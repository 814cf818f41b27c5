namespace Bot.Channels.BotFramework.Schema;

/// <summary>The activity types and names this bot distinguishes.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Invoke = "invoke";
    public const string InstallationUpdate = "installationUpdate";

    public const string SubmitActionInvoke = "message/submitAction";
}

/// <summary>Channel ids and Teams conversation types the bot treats specially.</summary>
public static class ChannelIds
{
    public const string MsTeams = "msteams";

    public const string PersonalConversation = "personal";
    public const string GroupChatConversation = "groupChat";
    public const string ChannelConversation = "channel";
}
