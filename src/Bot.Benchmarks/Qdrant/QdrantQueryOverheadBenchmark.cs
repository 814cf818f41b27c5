using System.Diagnostics;
using System.Net;
using Bot.Core.Analysis;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant;
using Microsoft.Extensions.Options;

namespace Bot.Benchmarks.Qdrant;

/// <summary>
/// The adapter's own cost per search, without network or server: build and serialise a hybrid
/// Query API request (512-d dense + BM25 sparse prefetches, RRF), parse a top-50 answer and map it
/// to passages. The HTTP handler hands back canned bytes in-process.
/// </summary>
public sealed class QdrantQueryOverheadBenchmark : IBenchmark
{
    private const int WarmUp = 300, Measured = 3_000, Dimensions = 512;

    public string Name => "qdrant-query-overhead";
    public string Description => "Adapter overhead per hybrid query: build request, parse a top-50 answer, map to passages";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        using var http = new HttpClient(new CannedHandler(QdrantCanned.CollectionInfo(Dimensions), QdrantCanned.QueryAnswer(50)));
        var store = new QdrantArchiveStore(http, Options.Create(new QdrantOptions { Url = new Uri("http://qdrant.invalid:6333") }));
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++) vector[i] = MathF.Sin(i) / 16;
        const string question = "Why did Niger ask the United States for armed drones?";
        var query = new SearchQuery
        {
            Text = question,
            Terms = TextAnalyzer.Terms(question),
            Vector = vector,
            Mode = SearchMode.Hybrid,
            Top = 50,
            MaxPerArticle = 0,
        };
        for (var i = 0; i < WarmUp; i++) await store.SearchAsync(query, cancellationToken);

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var passages = 0;
        for (var i = 0; i < Measured; i++) passages += (await store.SearchAsync(query, cancellationToken)).Count;
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        if (passages != Measured * 50) throw new InvalidOperationException($"Expected 50 passages per query, got {passages / (double)Measured}.");

        return
        [
            new("machine load average (1 min) at start", load),
            new("queries", Measured.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("wall time per query", $"{clock.Elapsed.TotalMicroseconds / Measured:F0} µs", "< 1 ms"),
            new("process CPU per query", $"{cpu.TotalMicroseconds / Measured:F0} µs", "< 1 ms"),
        ];
    }

    /// <summary>Collection info for GETs, the top-50 answer for everything else.</summary>
    private sealed class CannedHandler(byte[] collectionInfo, byte[] queryAnswer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new ByteArrayContent(request.Method == HttpMethod.Get ? collectionInfo : queryAnswer),
            });
    }
}
