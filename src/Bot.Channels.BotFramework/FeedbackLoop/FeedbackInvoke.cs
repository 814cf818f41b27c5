using System.Text.Json;
using Bot.Channels.BotFramework.Schema;
using Bot.Core.Answering;

namespace Bot.Channels.BotFramework.FeedbackLoop;

/// <summary>
/// Reads the Teams feedback invoke (<c>message/submitAction</c>, actionName "feedback"): value.actionValue carries
/// the reaction ("like"/"dislike") and the form input, usually a JSON string such as {"feedbackText":"…"}.
/// </summary>
public static class FeedbackInvoke
{
    public sealed record Result(Feedback? Feedback, string? Problem);

    public static bool IsFeedback(Activity activity) =>
        activity.Type == ActivityTypes.Invoke && activity.Name == ActivityTypes.SubmitActionInvoke;

    public static Result Read(Activity activity, DateTimeOffset now)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
            return new Result(null, "The feedback invoke has no value object.");
        if (!value.TryGetProperty("actionName", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != "feedback")
            return new Result(null, "The submit action is not feedback (actionName must be \"feedback\").");
        if (!value.TryGetProperty("actionValue", out var action) || action.ValueKind != JsonValueKind.Object)
            return new Result(null, "The feedback has no actionValue object.");

        FeedbackReaction? reaction = action.TryGetProperty("reaction", out var r) && r.ValueKind == JsonValueKind.String
            ? r.GetString() switch { "like" => FeedbackReaction.Like, "dislike" => FeedbackReaction.Dislike, _ => null }
            : null;
        if (reaction is null)
            return new Result(null, "The feedback reaction must be \"like\" or \"dislike\".");
        return new Result(new Feedback(
            ConversationId: activity.Conversation!.Id!,
            // Teams names the rated message in replyToId; the Agents Playground sends none (the latest answer is meant).
            MessageId: string.IsNullOrWhiteSpace(activity.ReplyToId) ? null : activity.ReplyToId,
            Reaction: reaction.Value,
            Text: action.TryGetProperty("feedback", out var form) ? FeedbackText(form) : null,
            UserId: activity.From?.AadObjectId ?? activity.From?.Id,
            Timestamp: activity.Timestamp ?? now), null);
    }

    /// <summary>The user's comment: the form's feedbackText when the form is JSON, else the text as sent.</summary>
    private static string? FeedbackText(JsonElement form)
    {
        var input = form;
        if (form.ValueKind == JsonValueKind.String)
        {
            var raw = form.GetString();
            if (string.IsNullOrWhiteSpace(raw)) return null;
            try
            {
                using var parsed = JsonDocument.Parse(raw);
                if (parsed.RootElement.ValueKind != JsonValueKind.Object) return raw;
                input = parsed.RootElement.Clone();
            }
            catch (JsonException)
            {
                return raw;
            }
        }
        if (input.ValueKind != JsonValueKind.Object) return null;
        return input.TryGetProperty("feedbackText", out var text) && text.ValueKind == JsonValueKind.String
            ? NullIfBlank(text.GetString())
            : input.GetRawText();
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
