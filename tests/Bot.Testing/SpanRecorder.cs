using System.Collections.Concurrent;
using System.Diagnostics;
using Bot.Core;

namespace Bot.Testing;

/// <summary>
/// Records the bot's finished trace spans (<see cref="BotTelemetry.Source"/>) while alive. Tests running in
/// parallel share the source, so assertions pick their own spans (by trace id or tag).
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener listener;

    public SpanRecorder()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BotTelemetry.SourceName,
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public ConcurrentQueue<Activity> Spans { get; } = new();

    /// <summary>Waits (up to 10 s) until <paramref name="done"/> holds for the recorded spans, then returns them.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForAsync(Func<IReadOnlyList<Activity>, bool> done, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (!done([.. Spans]))
        {
            try { await Task.Delay(20, timeout.Token); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Spans recorded: {string.Join(", ", Spans.Select(s => s.OperationName))}; the expected ones never came.");
            }
        }
        return [.. Spans];
    }

    public void Dispose() => listener.Dispose();
}
