using System.Diagnostics;
using System.Globalization;
using Bot.Core.Sources;

namespace Bot.Benchmarks.Sources;

/// <summary>
/// Syncing a 500-item RSS feed from loopback into the embedded archive, through the product's own composition
/// (guarded fetcher, 2 requests per host, no politeness delay on loopback): the first sync, re-syncs with and
/// without changes, and a server that sends no validators (every page downloaded, fingerprints decide).
/// </summary>
public sealed class FeedSyncBenchmark : IBenchmark
{
    private const int Items = 500;

    public string Name => "feed-sync";
    public string Description => $"syncing a {Items}-item RSS feed from loopback: items/s with and without changes";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        await using var wire = await WireServer.StartAsync(Items);
        using var host = new BenchmarkHost(settings: new Dictionary<string, string?>
        {
            ["Ingest:AllowedHosts:0"] = "127.0.0.1",
            ["Ingest:HostDelay"] = "00:00:00",
            ["SourceSync:DefaultMaxItems"] = Items.ToString(CultureInfo.InvariantCulture),
        });
        await host.Get<SourceCatalog>().AddAsync(new SourceDeclaration { Name = "wire", Url = new Uri(wire.Root, "feed.xml").AbsoluteUri }, cancellationToken);
        var runner = host.Get<SourceSyncRunner>();
        var rows = new List<BenchmarkRow> { MachineLoad.AtStart() };

        async Task Measure(string label, string target = "")
        {
            var pages = wire.PagesServed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var report = await runner.TrySyncAsync("wire", cancellationToken) ?? throw new InvalidOperationException("already syncing");
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var c = report.Counts;
            var handled = report.ListingNotModified ? 0 : c.Listed;
            rows.Add(new BenchmarkRow(label, string.Create(CultureInfo.InvariantCulture,
                $"{seconds:F2} s wall ({cpuSeconds:F1} s CPU), {(handled == 0 ? "-" : $"{handled / seconds:F0} items/s")}; " +
                $"{wire.PagesServed - pages} pages downloaded; {c.Added} added, {c.Updated} updated, {c.Unchanged} unchanged, {c.NotModified} not modified, {c.Failed} failed"),
                target));
        }

        await Measure("first sync: 500 new items");
        await Measure("re-sync, feed answers 304");
        wire.TouchFeed();
        await Measure("re-sync, feed changed, no page changed (500 × 304)");
        wire.Change(every: 10);
        await Measure("re-sync, 50 of 500 pages changed");
        wire.Validators = false;
        wire.TouchFeed();
        await Measure("re-sync, server without validators, no page changed (500 downloads)");
        return rows;
    }
}
