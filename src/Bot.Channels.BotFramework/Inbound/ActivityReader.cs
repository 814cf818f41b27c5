using System.Text.Json;
using Bot.Channels.BotFramework.Schema;

namespace Bot.Channels.BotFramework.Inbound;

/// <summary>Reads an activity from a request body and names what is wrong with it, if anything.</summary>
public static class ActivityReader
{
    public sealed record Result(Activity? Activity, string? Problem);

    public static async Task<Result> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(body, BotFrameworkJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return new Result(null, $"The body is not a valid activity: {ex.Message}");
        }
        if (activity is null) return new Result(null, "The body is empty.");

        var missing = MissingFields(activity);
        return missing.Count == 0
            ? new Result(activity, null)
            : new Result(null, $"The activity lacks required fields: {string.Join(", ", missing)}.");
    }

    /// <summary>Every activity needs a type; those the bot answers also need an address to answer to.</summary>
    public static List<string> MissingFields(Activity activity)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(activity.Type)) missing.Add("type");
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.Invoke))
            return missing;

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
            missing.Add("serviceUrl (an absolute http(s) URL)");
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) missing.Add("conversation.id");
        if (string.IsNullOrWhiteSpace(activity.Recipient?.Id)) missing.Add("recipient.id");
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke && string.IsNullOrWhiteSpace(activity.From?.Id)) missing.Add("from.id");
        return missing;
    }
}
