using Bot.Channels.BotFramework.Authentication;
using Bot.Channels.BotFramework.FeedbackLoop;
using Bot.Channels.BotFramework.Schema;
using Bot.Channels.BotFramework.Turns;
using Bot.Core.Answering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Inbound;

/// <summary>
/// POST /api/messages: authenticates the caller, reads the activity, and acknowledges at once; messages and
/// member updates are answered in the background (channels retry requests that take over 15 s), feedback
/// invokes are stored before the response because Teams expects their result in it.
/// </summary>
public sealed class ActivityEndpoint(
    ActivityAuthenticator authenticator,
    ServiceUrlPolicy serviceUrls,
    TurnQueue queue,
    IFeedbackStore feedback,
    AnsweredMessages answers,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<ActivityEndpoint> logger)
{
    private readonly RecentKeys _seen = new(options.Value.DuplicateWindow, options.Value.DuplicateCapacity, time);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var auth = await authenticator.AuthenticateAsync(context, cancellationToken);
        if (auth.Unavailable)
            return Results.Problem(title: "Authentication unavailable", detail: "The bot cannot check tokens right now; retry shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        if (!auth.Succeeded) return Unauthorized(auth.Failure!);

        var read = await ActivityReader.ReadAsync(context.Request.Body, cancellationToken);
        if (read.Activity is not { } activity)
            return Results.Problem(title: "Invalid activity", detail: read.Problem, statusCode: StatusCodes.Status400BadRequest);

        if (auth.Verify(activity) is { } mismatch) return Unauthorized(mismatch);
        // Only activities the bot answers send anything to their serviceUrl.
        if (NeedsReply(activity) && serviceUrls.Check(activity.ServiceUrl) is { } refused) return Unauthorized(refused);

        return activity.Type switch
        {
            ActivityTypes.Message => Enqueue(activity),
            ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate when Welcomer.IsInstallation(activity) => Enqueue(activity),
            ActivityTypes.Invoke when FeedbackInvoke.IsFeedback(activity) => await StoreFeedbackAsync(activity, cancellationToken),
            // Typing, unknown invokes and every other type need nothing from this bot.
            ActivityTypes.Invoke => Results.Json(new { }),
            _ => Results.Ok(),
        };
    }

    private IResult Enqueue(Activity activity)
    {
        var key = DuplicateKey(activity);
        if (key is not null && !_seen.TryAdd(key))
        {
            logger.LogInformation("Dropped repeated {Type} activity {Id}", activity.Type, activity.Id);
            return Results.Ok();
        }
        if (queue.TryEnqueue(activity)) return Results.Accepted();

        if (key is not null) _seen.Remove(key); // the channel's retry must not be dropped as a duplicate
        logger.LogWarning("Turn queue full; asking the channel to retry activity {Id}", activity.Id);
        return Results.Problem(title: "Busy", detail: "Too many activities are waiting; retry shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable, extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = 5 });
    }

    private async Task<IResult> StoreFeedbackAsync(Activity activity, CancellationToken cancellationToken)
    {
        var read = FeedbackInvoke.Read(activity, time.GetUtcNow());
        if (read.Feedback is not { } entry)
        {
            logger.LogWarning("Refused a feedback invoke in conversation {Conversation}: {Problem}", activity.Conversation?.Id, read.Problem);
            return Results.Problem(title: "Invalid feedback", detail: read.Problem, statusCode: StatusCodes.Status400BadRequest);
        }
        if (answers.Find(entry.ConversationId, entry.MessageId) is { } answer)
            entry = entry with { MessageId = answer.MessageId ?? entry.MessageId, QuestionId = answer.QuestionId, Question = answer.Question, Citations = answer.Citations };

        if (DuplicateKey(activity) is not { } key || _seen.TryAdd(key))
        {
            try
            {
                await feedback.AddAsync(entry, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (DuplicateKey(activity) is { } stored) _seen.Remove(stored);
                logger.LogError(ex, "Could not store feedback on message {MessageId}", entry.MessageId);
                return Results.Problem(title: "Feedback not stored", statusCode: StatusCodes.Status500InternalServerError);
            }
            // The comment is the user's words: kept in the feedback store, logged only at Debug.
            logger.LogInformation("Feedback {Reaction} on message {MessageId} (question {QuestionId}) in conversation {Conversation}, with a comment: {HasComment}",
                entry.Reaction, entry.MessageId ?? "unknown", entry.QuestionId ?? "unknown", entry.ConversationId, entry.Text is not null);
            logger.LogDebug("Feedback comment on message {MessageId}: {Text}", entry.MessageId, entry.Text);
        }
        // Teams expects 200 with an empty object; anything else shows the user an error.
        return Results.Json(new { });
    }

    private static bool NeedsReply(Activity activity) =>
        activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate;

    private static string? DuplicateKey(Activity activity) =>
        string.IsNullOrEmpty(activity.Id) ? null : $"{activity.Conversation?.Id}|{activity.Id}";

    private IResult Unauthorized(string reason)
    {
        logger.LogWarning("Rejected an activity: {Reason}", reason);
        return Results.Problem(title: "Unauthorized", detail: "The request is not authenticated for this bot.", statusCode: StatusCodes.Status401Unauthorized);
    }
}
