using System.Diagnostics;
using System.Runtime;
using System.Net;
using System.Net.Http.Headers;
using Bot.Core.Analysis;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Qdrant.Client.Grpc;

namespace Bot.Benchmarks.Qdrant;

/// <summary>
/// The adapter's own cost per hybrid search at top-50, without network or server: build and serialise the
/// request (512-d dense and BM25 sparse queries), send it through the store's gRPC channel to an in-process fake
/// (an HTTP handler that answers canned gRPC frames), parse the answer and map it to passages, and for score
/// fusion also fuse, cap and fetch the winners. Hits carry ~1,000 characters of text each, like 200-token chunks.
/// </summary>
public sealed class QdrantQueryOverheadBenchmark : IBenchmark
{
    private const int WarmUp = 500, MaxWarmUpRounds = 10, Measured = 2_000, Dimensions = 512, Top = 50;

    public string Name => "qdrant-query-overhead";
    public string Description => "Adapter overhead per hybrid query at top-50 over gRPC to an in-process fake: build, send, parse, (fuse,) map to passages";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        // Candidates per list as the store asks for them: max(100, top × cap × 3).
        (string Name, QdrantHybridFusion Fusion, int Cap)[] scenarios =
        [
            ("score fusion, no cap (2 lists of 150 candidates, then 50 passages)", QdrantHybridFusion.Score, 0),
            ("score fusion, 2 per article (2 lists of 300 candidates, then 50 passages)", QdrantHybridFusion.Score, 2),
            ("rrf, no cap (50 hits)", QdrantHybridFusion.Rrf, 0),
            ("rrf, 2 per article (50 groups of 2 hits)", QdrantHybridFusion.Rrf, 2),
        ];
        List<BenchmarkRow> rows = [MachineLoad.AtStart()];
        var stores = scenarios.Select(s => (Handler: new CannedGrpcHandler(), Query: Query(s.Cap), s.Fusion))
            .Select(s => (Store: Store(s.Fusion, s.Handler), s.Handler, s.Query)).ToList();
        try
        {
            // Every scenario warms up, in rounds, until a round leaves the JIT nothing to compile (at most MaxWarmUpRounds): it
            // recompiles hot code in the background well after it first ran, and the first scenario measured used to pay for that.
            var (rounds, compiled) = (0, -1L);
            for (; rounds < MaxWarmUpRounds && compiled != JitInfo.GetCompiledMethodCount(); rounds++)
            {
                compiled = JitInfo.GetCompiledMethodCount();
                for (var s = 0; s < scenarios.Length; s++)
                for (var i = 0; i < WarmUp; i++) await stores[s].Store.SearchAsync(stores[s].Query, cancellationToken);
            }
            rows.Add(new BenchmarkRow($"warm-up rounds of {WarmUp} queries per scenario, the last compiling nothing new", $"{rounds}", $"< {MaxWarmUpRounds + 1}"));
            for (var s = 0; s < scenarios.Length; s++)
                rows.Add(await MeasureAsync(scenarios[s].Name, stores[s].Store, stores[s].Handler, stores[s].Query, cancellationToken));
        }
        finally
        {
            foreach (var (store, _, _) in stores) store.Dispose();
        }
        return rows;
    }

    private static QdrantArchiveStore Store(QdrantHybridFusion fusion, CannedGrpcHandler handler) =>
        new(Options.Create(new QdrantOptions { Url = new Uri("http://qdrant.invalid:6334"), HybridFusion = fusion }), null, null, handler);

    private static SearchQuery Query(int cap)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++) vector[i] = MathF.Sin(i) / 16;
        const string question = "Why did Niger ask the United States for armed drones?";
        return new SearchQuery
        {
            Text = question,
            Terms = TextAnalyzer.Terms(question),
            Vector = vector,
            Mode = SearchMode.Hybrid,
            Top = Top,
            MaxPerArticle = cap,
        };
    }

    private static async Task<BenchmarkRow> MeasureAsync(string scenario, QdrantArchiveStore store, CannedGrpcHandler handler, SearchQuery query,
        CancellationToken cancellationToken)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var (allocatedBefore, gen0Before, answeredBefore) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), handler.BytesAnswered);
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
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / Measured;
        var collections = GC.CollectionCount(0) - gen0Before;
        if (passages != Measured * Top) throw new InvalidOperationException($"{scenario}: expected {Top} passages per query, got {passages / (double)Measured}.");
        Array.Sort(times);
        var received = (handler.BytesAnswered - answeredBefore) / Measured;
        // The median is the adapter's cost; the mean CPU also carries GC and this VM's noise; the tail follows the collections.
        return new BenchmarkRow($"{scenario}: p50 / p95 per query; mean process CPU; allocated per query, gen0 GCs",
            $"{times[Measured / 2]:F0} µs / {times[Measured * 95 / 100]:F0} µs; {cpu.TotalMicroseconds / Measured:F0} µs ({received / 1024} KiB received); "
            + $"{allocated / 1024} KiB, {collections}",
            "p50 < 0.5 ms, p95 < 1 ms");
    }

    /// <summary>
    /// Answers gRPC calls in-process as HTTP/2 responses with trailers: collection info, and for the search and read rpcs
    /// what Qdrant would send for the request (as many points as asked for, with only the payload asked for), worked out on
    /// each rpc's first call and replayed, since every query is the same, so the handler's own cost stays out of the
    /// measurement. Unimplemented otherwise.
    /// </summary>
    private sealed class CannedGrpcHandler : HttpMessageHandler
    {
        private readonly Dictionary<string, byte[]?> answers = new(StringComparer.Ordinal)
        {
            ["/qdrant.Collections/Get"] = QdrantCanned.Frame(QdrantCanned.CollectionInfo(Dimensions)),
        };

        public long BytesAnswered { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (answers.TryGetValue(path, out var body)) await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            else answers[path] = body = Answer(path, (await request.Content!.ReadAsByteArrayAsync(cancellationToken))[5..]) is { } message
                ? QdrantCanned.Frame(message)
                : null;
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, RequestMessage = request };
            response.Content = new ByteArrayContent(body ?? []) { Headers = { ContentType = new MediaTypeHeaderValue("application/grpc") } };
            response.TrailingHeaders.Add("grpc-status", body is null ? "12" : "0"); // 12: Unimplemented
            if (body is not null && path != "/qdrant.Collections/Get") BytesAnswered += body.Length;
            return response;
        }

        private static IMessage? Answer(string path, byte[] request) => path switch
        {
            "/qdrant.Points/QueryBatch" => QdrantCanned.BatchAnswer(QueryBatchPoints.Parser.ParseFrom(request)),
            "/qdrant.Points/Query" => QdrantCanned.QueryAnswer(QueryPoints.Parser.ParseFrom(request)),
            "/qdrant.Points/QueryGroups" => QdrantCanned.GroupsAnswer(QueryPointGroups.Parser.ParseFrom(request)),
            "/qdrant.Points/Get" => QdrantCanned.RetrieveAnswer(GetPoints.Parser.ParseFrom(request)),
            _ => null,
        };
    }
}
