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
        if (!HoldsOnlyText(activity))
            return new Result(null, "The activity holds a string that is not valid text (invalid UTF-8 or an unpaired surrogate escape).");

        var missing = MissingFields(activity);
        return missing.Count == 0
            ? new Result(activity, null)
            : new Result(null, $"The activity lacks required fields: {string.Join(", ", missing)}.");
    }

    /// <summary>
    /// Whether every string kept as raw JSON (value, entities) decodes. Those are decoded only when read, by the
    /// feedback and mention readers, where one that is no valid text would throw; so it is refused here.
    /// </summary>
    private static bool HoldsOnlyText(Activity activity)
    {
        try
        {
            if (activity.Value is { } value) Decode(value);
            foreach (var entity in activity.Entities ?? [])
                foreach (var property in entity?.Properties?.Values ?? Enumerable.Empty<JsonElement>())
                    Decode(property);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Decode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Decode(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Decode(item);
                break;
        }
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
