using System.Collections.Concurrent;

namespace Bot.Benchmarks.Load;

/// <summary>What a load run saw, gathered from every conversation at once.</summary>
public sealed class LoadResult
{
    private readonly ConcurrentBag<double> latencies = [];
    private readonly ConcurrentQueue<string> errors = new();
    private int crossed, lost, disconnects, conversations, requests;

    public int Requests => requests;
    public int Conversations => conversations;
    public int Disconnects => disconnects;
    /// <summary>Follow-ups answered from another conversation's port.</summary>
    public int Crossed => crossed;
    /// <summary>Follow-ups answered without their own conversation's history (forgotten, not crossed).</summary>
    public int Lost => lost;
    public IReadOnlyCollection<string> Errors => errors;
    public IReadOnlyList<double> Latencies => latencies.Order().ToArray();

    internal void Started() => Interlocked.Increment(ref conversations);
    internal void Answered(TimeSpan latency)
    {
        Interlocked.Increment(ref requests);
        latencies.Add(latency.TotalMilliseconds);
    }
    internal void Disconnected()
    {
        Interlocked.Increment(ref requests);
        Interlocked.Increment(ref disconnects);
    }
    internal void Error(string what)
    {
        Interlocked.Increment(ref requests);
        errors.Enqueue(what);
    }
    internal void CrossedFollowUp(string what)
    {
        Interlocked.Increment(ref crossed);
        errors.Enqueue("crossed: " + what);
    }
    internal void LostFollowUp(string what)
    {
        Interlocked.Increment(ref lost);
        errors.Enqueue("lost: " + what);
    }

    /// <summary>The latency at quantile <paramref name="p"/> in milliseconds (nearest rank).</summary>
    public double Percentile(double p) => Latency.Percentile(Latencies, p);
}
