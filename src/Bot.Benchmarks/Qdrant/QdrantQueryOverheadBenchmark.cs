using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Bot.Core.Analysis;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant;
using Microsoft.Extensions.Options;

namespace Bot.Benchmarks.Qdrant;

/// <summary>
/// The adapter's own cost per hybrid search at top-50, without network or server: build and serialise the
/// request (512-d dense and BM25 sparse queries), parse the answer and map it to passages, and for score
/// fusion also fuse and cap. The HTTP handler hands back canned bytes in-process; hits carry ~1,000
/// characters of text each, like 200-token chunks.
/// </summary>
public sealed class QdrantQueryOverheadBenchmark : IBenchmark
{
    private const int WarmUp = 1_000, Measured = 2_000, Dimensions = 512, Top = 50;

    public string Name => "qdrant-query-overhead";
    public string Description => "Adapter overhead per hybrid query at top-50: build request, parse the answer, (fuse,) map to passages";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        // Candidates per list as the store asks for them: max(100, top × cap × 3).
        return
        [
            MachineLoad.AtStart(),
            await MeasureAsync("score fusion, no cap (2 lists of 150 candidates, then 50 passages)", QdrantHybridFusion.Score, 0,
                "/points/query/batch", QdrantCanned.BatchAnswer(150), cancellationToken),
            await MeasureAsync("score fusion, 2 per article (2 lists of 300 candidates, then 50 passages)", QdrantHybridFusion.Score, 2,
                "/points/query/batch", QdrantCanned.BatchAnswer(300), cancellationToken),
            await MeasureAsync("rrf, no cap (50 hits)", QdrantHybridFusion.Rrf, 0,
                "/points/query", QdrantCanned.QueryAnswer(Top), cancellationToken),
            await MeasureAsync("rrf, 2 per article (50 groups of 2 hits)", QdrantHybridFusion.Rrf, 2,
                "/points/query/groups", QdrantCanned.GroupsAnswer(Top, 2), cancellationToken),
        ];
    }

    private static async Task<BenchmarkRow> MeasureAsync(string scenario, QdrantHybridFusion fusion, int cap, string path, byte[] answer,
        CancellationToken cancellationToken)
    {
        var handler = new CannedHandler(QdrantCanned.CollectionInfo(Dimensions), path, answer);
        using var http = new HttpClient(handler);
        var store = new QdrantArchiveStore(http, Options.Create(new QdrantOptions { Url = new Uri("http://qdrant.invalid:6333"), HybridFusion = fusion }));
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++) vector[i] = MathF.Sin(i) / 16;
        const string question = "Why did Niger ask the United States for armed drones?";
        var query = new SearchQuery
        {
            Text = question,
            Terms = TextAnalyzer.Terms(question),
            Vector = vector,
            Mode = SearchMode.Hybrid,
            Top = Top,
            MaxPerArticle = cap,
        };
        for (var i = 0; i < WarmUp; i++) await store.SearchAsync(query, cancellationToken);

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var times = new double[Measured];
        var passages = 0;
        for (var i = 0; i < Measured; i++)
        {
            var start = Stopwatch.GetTimestamp();
            passages += (await store.SearchAsync(query, cancellationToken)).Count;
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        if (passages != Measured * Top) throw new InvalidOperationException($"{scenario}: expected {Top} passages per query, got {passages / (double)Measured}.");
        Array.Sort(times);
        var received = handler.BytesAnswered / (WarmUp + Measured);
        // The median is the adapter's cost; the mean CPU also carries GC and this VM's noise.
        return new BenchmarkRow($"{scenario}: p50 / p95 per query; mean process CPU",
            $"{times[Measured / 2]:F0} µs / {times[Measured * 95 / 100]:F0} µs; {cpu.TotalMicroseconds / Measured:F0} µs ({received / 1024} KiB received)", "< 1 ms");
    }

    /// <summary>
    /// Collection info for GETs, the canned answer for the one search path, and for a retrieve (points by id)
    /// the payloads of the ids asked for: worked out on the first request and replayed, since every query is the
    /// same, so the handler's own cost stays out of the measurement. 404 otherwise.
    /// </summary>
    private sealed class CannedHandler(byte[] collectionInfo, string path, byte[] answer) : HttpMessageHandler
    {
        private byte[]? retrieveAnswer;

        public long BytesAnswered { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.RequestUri!.AbsolutePath;
            var body = request.Method == HttpMethod.Get ? collectionInfo
                : target.EndsWith(path, StringComparison.Ordinal) ? answer
                : target.EndsWith("/points", StringComparison.Ordinal) ? retrieveAnswer ??= await RetrieveAsync(request, cancellationToken)
                : null;
            if (body is null)
                return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"status":{"error":"unexpected path"},"time":0}""") };
            if (request.Method != HttpMethod.Get) BytesAnswered += body.Length;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        }

        private static async Task<byte[]> RetrieveAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var ids = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            return QdrantCanned.RetrieveAnswer(ids.RootElement.GetProperty("ids").EnumerateArray().Select(id => id.GetString()!));
        }
    }
}
