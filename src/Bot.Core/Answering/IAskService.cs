using Bot.Core.Retrieval;

namespace Bot.Core.Answering;

/// <summary>
/// The whole question path every channel uses: follow-up rewrite, retrieval, answering, citation
/// validation and conversation memory. Channels render what it streams.
/// </summary>
public interface IAskService
{
    /// <summary>Streams <see cref="AnswerDelta"/>s, then one validated <see cref="AnswerFinal"/>.</summary>
    IAsyncEnumerable<AnswerUpdate> AskAsync(AskRequest request, CancellationToken cancellationToken = default);
}

/// <summary>A question; the conversation id ties follow-ups together (Teams: conversation.id).</summary>
public sealed record AskRequest(string Question, string? ConversationId = null, SearchFilter? Filter = null);
