using System.Globalization;

namespace Bot.Benchmarks.Load;

/// <summary>
/// Sustained load on the real host over loopback: 50 conversations at once for 60 s (BOT_LOAD_CONVERSATIONS,
/// BOT_LOAD_SECONDS), each asking about its own port and then the follow-up only its own history resolves,
/// half of them streamed, one streamed conversation in five hanging up mid-stream. The host remembers at most
/// 1,000 conversations here (Conversation:MaxConversations), so a run goes far past its bound and the memory
/// rows show whether memory stays within it. No API keys: loopback callers are not rate limited.
/// </summary>
public sealed class LoadBenchmark : IBenchmark
{
    private const int MaxConversations = 1_000;
    private static readonly int Conversations = Setting("BOT_LOAD_CONVERSATIONS", 50);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(Setting("BOT_LOAD_SECONDS", 60));

    public string Name => "load";
    public string Description => $"{Conversations} concurrent conversations for {Duration.TotalSeconds:0} s against the host on loopback";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var load = MachineLoad.AtStart();
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Conversation:MaxConversations"] = MaxConversations.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information", // "Now listening on ..."
        }, cancellationToken);
        await host.IngestAsync("ports.jsonl", Ports.Jsonl(), cancellationToken);
        await LoadDriver.RunAsync(host.Address, Conversations, TimeSpan.FromSeconds(5), cancellationToken); // warm-up
        var before = host.ResidentBytes;

        var memory = new List<string>();
        using var sampling = new CancellationTokenSource();
        var sampler = SampleAsync(host, memory, sampling.Token);
        var result = await LoadDriver.RunAsync(host.Address, Conversations, Duration, cancellationToken);
        await sampling.CancelAsync();
        await sampler;
        var after = host.ResidentBytes;

        return
        [
            load,
            new("conversations started", $"{result.Conversations:N0} (host remembers at most {MaxConversations:N0})"),
            new("requests answered", $"{result.Latencies.Count:N0} ({result.Latencies.Count / Duration.TotalSeconds:F0}/s)"),
            new("clients that hung up mid-stream", $"{result.Disconnects:N0}"),
            new("errors", $"{result.Errors.Count - result.Crossed - result.Lost}", "0"),
            new("crossed follow-ups (answered from another conversation)", $"{result.Crossed}", "0"),
            new("lost follow-ups (own history missing)", $"{result.Lost}", "0"),
            new("answer latency p50 / p95 / p99", string.Create(CultureInfo.InvariantCulture,
                $"{result.Percentile(0.50):F0} ms / {result.Percentile(0.95):F0} ms / {result.Percentile(0.99):F0} ms")),
            new("host memory (RSS) before / after", $"{Mib(before)} / {Mib(after)}"),
            new("host memory every 10 s", string.Join(", ", memory)),
            .. result.Errors.Take(5).Select((error, i) => new BenchmarkRow($"error {i + 1}", error.Replace('|', '/'))),
        ];
    }

    private static async Task SampleAsync(HostProcess host, List<string> memory, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
                memory.Add(Mib(host.ResidentBytes));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):F0} MiB");

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
