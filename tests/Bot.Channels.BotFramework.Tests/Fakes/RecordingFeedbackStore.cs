using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Bot.Core.Answering;

namespace Bot.Channels.BotFramework.Tests.Fakes;

/// <summary>The feedback port as the host fills it, kept in memory so tests see exactly what the channel stored.</summary>
public sealed class RecordingFeedbackStore : IFeedbackStore
{
    public ConcurrentQueue<Feedback> Entries { get; } = new();

    /// <summary>Makes the next additions fail as a full disk would.</summary>
    public bool Broken { get; set; }

    public Task AddAsync(Feedback feedback, CancellationToken cancellationToken = default)
    {
        if (Broken) throw new IOException("No space left on device.");
        Entries.Enqueue(feedback);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<Feedback> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var entry in Entries)
        {
            await Task.Yield();
            yield return entry;
        }
    }
}
