using System.Threading.Channels;
using Bot.Channels.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Turns;

/// <summary>
/// Activities accepted by the endpoint and waiting to be answered. One lane per worker; a conversation
/// always uses the same lane, so its messages are answered in order and never stream over each other.
/// </summary>
public sealed class TurnQueue
{
    private readonly Channel<Activity>[] _lanes;

    public TurnQueue(IOptions<BotFrameworkOptions> options)
    {
        var settings = options.Value;
        var workers = Math.Max(1, settings.Workers);
        var capacity = Math.Max(1, settings.QueueCapacity / workers);
        _lanes = Enumerable.Range(0, workers)
            .Select(_ => Channel.CreateBounded<Activity>(new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            }))
            .ToArray();
    }

    public int LaneCount => _lanes.Length;

    /// <summary>False when the lane is full; the caller tells the channel to retry later.</summary>
    public bool TryEnqueue(Activity activity) => Lane(activity.Conversation?.Id).Writer.TryWrite(activity);

    public ChannelReader<Activity> Reader(int lane) => _lanes[lane].Reader;

    private Channel<Activity> Lane(string? conversationId) =>
        _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId ?? "") % (uint)_lanes.Length)];
}
