using System.Text.Json.Nodes;
using Bot.Channels.BotFramework.Schema;

namespace Bot.Channels.BotFramework.Rendering;

/// <summary>
/// The welcome message: an Adaptive Card with the greeting and one button per example question; a button sends
/// its question as the user's message (Teams' imBack on Action.Submit), so it is answered like a typed one.
/// </summary>
public static class WelcomeCard
{
    public static Activity Render(ConversationReference reference, BotFrameworkOptions options)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = options.Greeting, ["wrap"] = true }),
            ["actions"] = new JsonArray((options.WelcomePrompts.Length > 0 ? options.WelcomePrompts : BotFrameworkOptions.DefaultWelcomePrompts).Where(p => !string.IsNullOrWhiteSpace(p)).Select(Ask).ToArray<JsonNode?>()),
        };
        return reference.CreateActivity(ActivityTypes.Message) with
        {
            Attachments = [Attachment.AdaptiveCard(card)],
        };
    }

    private static JsonObject Ask(string question) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = question,
        ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = question } },
    };
}
