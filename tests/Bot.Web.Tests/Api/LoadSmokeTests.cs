using Bot.Benchmarks.Load;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Api;

/// <summary>
/// The load benchmark's driver for a few seconds, as a smoke test: 20 conversations at once, streamed and
/// plain, some hanging up mid-stream, past a memory bound of 50 conversations. The 60-second run and its
/// latencies are the benchmark's (BENCHMARKS.md), not this test's.
/// </summary>
public sealed class LoadSmokeTests
{
    [Fact]
    public async Task Concurrent_conversations_past_the_memory_bound_get_their_own_answers_without_errors()
    {
        await using var host = await WebHost.StartAsync("Conversation:MaxConversations=50");
        using var client = host.Client();
        await client.IngestFilesAsync(("ports.jsonl", Ports.Jsonl()));

        var result = await LoadDriver.RunAsync(host.Address, conversations: 20, TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal((0, 0), (result.Crossed, result.Lost));
        Assert.True(result.Conversations > 50, $"only {result.Conversations} conversations: the memory bound was not passed");
        Assert.True(result.Disconnects > 0, "no client hung up mid-stream");
    }
}
