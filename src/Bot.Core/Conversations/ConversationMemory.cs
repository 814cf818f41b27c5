using Bot.Core.Answering;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Bot.Core.Conversations;

/// <summary>
/// Recent turns per conversation id, bounded in turns and in conversations, expiring when idle. In memory on
/// purpose: it only serves follow-up questions, and losing it on restart costs one rephrased question.
/// </summary>
public sealed class ConversationMemory : IDisposable
{
    private readonly ConversationOptions options;
    private readonly MemoryCache cache;

    public ConversationMemory(IOptions<ConversationOptions> options)
    {
        this.options = options.Value;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = this.options.MaxConversations });
    }

    public IReadOnlyList<ConversationTurn> Recent(string? conversationId) =>
        conversationId is not null && cache.TryGetValue<Turns>(conversationId, out var turns) ? turns!.Snapshot() : [];

    public void Remember(string? conversationId, ConversationTurn turn)
    {
        if (conversationId is null) return;
        var turns = cache.GetOrCreate(conversationId, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = options.IdleExpiry;
            return new Turns();
        })!;
        turns.Add(turn, options.MaxTurns);
    }

    public void Dispose() => cache.Dispose();

    private sealed class Turns
    {
        private readonly Lock gate = new();
        private readonly Queue<ConversationTurn> items = new();

        public void Add(ConversationTurn turn, int max)
        {
            lock (gate)
            {
                items.Enqueue(turn);
                while (items.Count > max) items.Dequeue();
            }
        }

        public IReadOnlyList<ConversationTurn> Snapshot()
        {
            lock (gate) return items.ToArray();
        }
    }
}
