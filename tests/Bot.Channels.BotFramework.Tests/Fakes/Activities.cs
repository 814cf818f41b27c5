using System.Text.Json.Nodes;

namespace Bot.Channels.BotFramework.Tests.Fakes;

/// <summary>Activities shaped as Teams and Web Chat send them.</summary>
public static class Activities
{
    public const string BotId = "28:" + TestKeys.AppId;
    public const string BotName = "NewsBot";
    public const string UserId = "29:user-ada";

    public static JsonObject TeamsMessage(
        string serviceUrl,
        string text,
        string conversationType = "personal",
        string? conversationId = null,
        string? id = null,
        params JsonObject[] entities) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? NewId(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Ada", ["aadObjectId"] = "aad-ada" },
        ["conversation"] = new JsonObject
        {
            ["id"] = conversationId ?? (conversationType == "personal" ? "a:1personal-chat" : "19:group-chat@thread.v2"),
            ["conversationType"] = conversationType,
            ["isGroup"] = conversationType != "personal" ? true : null,
            ["tenantId"] = TestKeys.Tenant,
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
        ["entities"] = new JsonArray(entities.Select(e => (JsonNode)e).ToArray()),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TestKeys.Tenant } },
    };

    /// <summary>A group-chat message that @mentions the bot, as Teams marks it up.</summary>
    public static JsonObject MentioningBot(string serviceUrl, string question, string? id = null) =>
        TeamsMessage(serviceUrl, $"<at>{BotName}</at> {question}", "groupChat", id: id, entities: Mention(BotId, BotName));

    public static JsonObject Mention(string id, string name) => new()
    {
        ["type"] = "mention",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
        ["text"] = $"<at>{name}</at>",
    };

    public static JsonObject WebChatMessage(string serviceUrl, string text, string? id = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? NewId(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "webchat",
        ["from"] = new JsonObject { ["id"] = "webchat-user" },
        ["conversation"] = new JsonObject { ["id"] = "webchat-conversation-1" },
        ["recipient"] = new JsonObject { ["id"] = "news-bot@abc", ["name"] = BotName },
        ["text"] = text,
    };

    public static JsonObject MembersAdded(string serviceUrl, string conversationId, params string[] memberIds) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = NewId(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "groupChat", ["isGroup"] = true },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["membersAdded"] = new JsonArray(memberIds.Select(m => (JsonNode)new JsonObject { ["id"] = m }).ToArray()),
    };

    public static JsonObject InstallationUpdate(string serviceUrl, string conversationId, string action = "add") => new()
    {
        ["type"] = "installationUpdate",
        ["id"] = NewId(),
        ["action"] = action,
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
    };

    public static JsonObject FeedbackInvoke(string serviceUrl, string messageId, string reaction, string? feedbackText,
        string conversationId = "a:1personal-chat") => new()
    {
        ["type"] = "invoke",
        ["name"] = "message/submitAction",
        ["id"] = NewId(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = "aad-ada" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationId.StartsWith("a:", StringComparison.Ordinal) ? "personal" : "groupChat" },
        ["recipient"] = new JsonObject { ["id"] = BotId },
        ["replyToId"] = messageId,
        ["value"] = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject
            {
                ["reaction"] = reaction,
                ["feedback"] = feedbackText is null ? null : new JsonObject { ["feedbackText"] = feedbackText }.ToJsonString(),
            },
        },
    };

    public static string NewId() => Guid.NewGuid().ToString("N");
}
