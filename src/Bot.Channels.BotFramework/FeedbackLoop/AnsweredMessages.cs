using Bot.Core.Answering;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.FeedbackLoop;

/// <summary>
/// The answers sent recently, so feedback on one can be stored with its question and sources: found by the
/// answer message's id (Teams' replyToId), or, when a channel sends no replyToId (the Agents Playground does
/// not), the latest answer in the conversation. At most <see cref="BotFrameworkOptions.DuplicateCapacity"/> of
/// each, in memory: after a restart feedback is stored without them.
/// </summary>
public sealed class AnsweredMessages(IOptions<BotFrameworkOptions> options)
{
    private readonly int _capacity = Math.Max(1, options.Value.DuplicateCapacity);
    private readonly Dictionary<string, AnsweredMessage> _byMessage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnsweredMessage> _latest = new(StringComparer.Ordinal);
    private readonly Queue<string> _messageOrder = new();
    private readonly Queue<(string Conversation, AnsweredMessage Answer)> _latestOrder = new();
    private readonly Lock _lock = new();

    public void Remember(string conversationId, AnsweredMessage answer)
    {
        lock (_lock)
        {
            _latest[conversationId] = answer;
            _latestOrder.Enqueue((conversationId, answer));
            while (_latestOrder.Count > _capacity)
            {
                var (conversation, old) = _latestOrder.Dequeue();
                // A conversation answered again since keeps its newer answer.
                if (ReferenceEquals(_latest.GetValueOrDefault(conversation), old)) _latest.Remove(conversation);
            }
            if (answer.MessageId is null) return;
            var key = Key(conversationId, answer.MessageId);
            _byMessage[key] = answer;
            _messageOrder.Enqueue(key);
            while (_messageOrder.Count > _capacity) _byMessage.Remove(_messageOrder.Dequeue());
        }
    }

    /// <summary>The answer <paramref name="messageId"/> was, or without a message id the conversation's latest; null when not remembered.</summary>
    public AnsweredMessage? Find(string conversationId, string? messageId)
    {
        lock (_lock)
            return messageId is null ? _latest.GetValueOrDefault(conversationId) : _byMessage.GetValueOrDefault(Key(conversationId, messageId));
    }

    private static string Key(string conversationId, string messageId) => conversationId + "|" + messageId;
}

/// <summary>An answer as feedback refers to it: the sent message's id, the question's message id and text, the sources.</summary>
public sealed record AnsweredMessage(string? MessageId, string? QuestionId, string Question, IReadOnlyList<FeedbackCitation> Citations);
