using System.Text.Json.Serialization;

namespace Bot.Core.Answering;

/// <summary>A user's verdict on one answer message (Teams thumbs up/down, optionally with a comment).</summary>
public sealed record Feedback(
    string ConversationId,
    /// <summary>The id of the answer message the feedback is about (Teams: the invoke's replyToId).</summary>
    string MessageId,
    FeedbackReaction Reaction,
    string? Text,
    string? UserId,
    DateTimeOffset Timestamp);

[JsonConverter(typeof(JsonStringEnumConverter<FeedbackReaction>))]
public enum FeedbackReaction
{
    [JsonStringEnumMemberName("like")] Like,
    [JsonStringEnumMemberName("dislike")] Dislike,
}

/// <summary>Keeps feedback for later review; append-only.</summary>
public interface IFeedbackStore
{
    Task AddAsync(Feedback feedback, CancellationToken cancellationToken = default);
}
