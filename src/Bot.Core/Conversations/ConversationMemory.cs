using Bot.Core.Answering;
using Microsoft.Extensions.Options;

namespace Bot.Core.Conversations;

/// <summary>
/// Recent turns per conversation id, bounded in turns and in conversations (the least recently used is
/// forgotten first), forgotten when idle. In memory on purpose: it only serves follow-up questions, and losing
/// it on restart costs one rephrased question. A size-limited MemoryCache was used before: once full it refused
/// new conversations until a background compaction, so their follow-ups lost their history under load.
/// </summary>
public sealed class ConversationMemory(IOptions<ConversationOptions> options, TimeProvider? time = null)
{
    private readonly ConversationOptions options = options.Value;
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Dictionary<string, LinkedListNode<Entry>> byId = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> byUse = new(); // most recently used first
    private readonly Lock gate = new();

    public IReadOnlyList<ConversationTurn> Recent(string? conversationId)
    {
        if (conversationId is null) return [];
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (!byId.TryGetValue(conversationId, out var node)) return [];
            if (IsIdle(node.Value, now))
            {
                Forget(node);
                return [];
            }
            Touch(node, now);
            return node.Value.Turns.ToArray();
        }
    }

    public void Remember(string? conversationId, ConversationTurn turn)
    {
        if (conversationId is null) return;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (!byId.TryGetValue(conversationId, out var node) || IsIdle(node.Value, now))
            {
                if (node is not null) Forget(node);
                node = byUse.AddFirst(new Entry(conversationId));
                byId[conversationId] = node;
            }
            Touch(node, now);
            node.Value.Turns.Enqueue(turn);
            while (node.Value.Turns.Count > options.MaxTurns) node.Value.Turns.Dequeue();
            while (byUse.Last is { } oldest && (byUse.Count > options.MaxConversations || IsIdle(oldest.Value, now))) Forget(oldest);
        }
    }

    private bool IsIdle(Entry entry, DateTimeOffset now) => now - entry.LastUsed >= options.IdleExpiry;

    private void Touch(LinkedListNode<Entry> node, DateTimeOffset now)
    {
        node.Value.LastUsed = now;
        byUse.Remove(node);
        byUse.AddFirst(node);
    }

    private void Forget(LinkedListNode<Entry> node)
    {
        byUse.Remove(node);
        byId.Remove(node.Value.Id);
    }

    private sealed class Entry(string id)
    {
        public string Id { get; } = id;
        public Queue<ConversationTurn> Turns { get; } = new();
        public DateTimeOffset LastUsed { get; set; }
    }
}
