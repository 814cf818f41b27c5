using System.Text.Json.Serialization;

namespace Bot.Core.Answering;

/// <summary>
/// A user's verdict on one answer (Teams thumbs up/down, optionally with a comment), kept with what the answer
/// was: its conversation, the question's message id and text, and the sources it cited, so an answer marked
/// wrong can be reviewed without the chat.
/// </summary>
public sealed record Feedback(
    string ConversationId,
    /// <summary>The id of the answer message the feedback is about (Teams: the invoke's replyToId); null when the channel did not say.</summary>
    string? MessageId,
    FeedbackReaction Reaction,
    string? Text,
    string? UserId,
    DateTimeOffset Timestamp)
{
    /// <summary>The id of the message that asked the question; null when the answer is no longer remembered (after a restart).</summary>
    public string? QuestionId { get; init; }
    public string? Question { get; init; }
    public IReadOnlyList<FeedbackCitation> Citations { get; init; } = [];
}

/// <summary>A source the rated answer cited.</summary>
public sealed record FeedbackCitation(int Number, string ArticleId, string Title, string ChunkId)
{
    public static FeedbackCitation Of(Citation citation) => new(citation.Number, citation.ArticleId, citation.Title, citation.ChunkId);
}

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

    /// <summary>Everything stored, oldest first.</summary>
    IAsyncEnumerable<Feedback> ReadAllAsync(CancellationToken cancellationToken = default);
}
