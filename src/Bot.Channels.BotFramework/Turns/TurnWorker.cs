using Bot.Channels.BotFramework.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.BotFramework.Turns;

/// <summary>Answers queued activities in the background, one reader per lane, so the endpoint can acknowledge at once.</summary>
public sealed class TurnWorker(TurnQueue queue, TurnDispatcher dispatcher, ILogger<TurnWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, queue.LaneCount).Select(lane => DrainAsync(lane, stoppingToken)));

    private async Task DrainAsync(int lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in queue.Reader(lane).ReadAllAsync(stoppingToken))
                await HandleAsync(activity, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(Activity activity, CancellationToken stoppingToken)
    {
        try
        {
            await dispatcher.DispatchAsync(activity, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // One failed turn must not stop the worker.
            logger.LogError(ex, "Handling {Type} activity {Id} in conversation {Conversation} failed",
                activity.Type, activity.Id, activity.Conversation?.Id);
        }
    }
}
