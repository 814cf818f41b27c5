namespace Bot.Benchmarks.Load;

/// <summary>
/// Many conversations at once against a host, for a fixed time: conversation i asks about port i (of
/// <see cref="Ports.All"/>), every other one streams, and one streamed conversation in five hangs up
/// mid-stream. Each conversation loop starts a fresh conversation when one ends, until the time is up.
/// </summary>
public static class LoadDriver
{
    public static async Task<LoadResult> RunAsync(Uri host, int conversations, TimeSpan duration, CancellationToken cancellationToken)
    {
        var result = new LoadResult();
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = host,
            Timeout = TimeSpan.FromSeconds(60),
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(i => Task.Run(async () =>
        {
            var port = Ports.All[i % Ports.All.Count];
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                var streamed = (i + round) % 2 == 1;
                var conversation = new Conversation(client, port, result);
                try
                {
                    await conversation.RunAsync(streamed, hangUp: streamed && round % 5 == 4, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Time is up mid-conversation: what it had not finished is not counted.
                }
            }
        }, CancellationToken.None)));
        return result;
    }
}
