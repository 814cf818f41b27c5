using System.Diagnostics;
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
    private const int WarmUp = 1_000, Measured = 2_000, Dimensions = 512, Top = 50;

    public string Name => "qdrant-query-overhead";
    public string Description => "Adapter overhead per hybrid query at top-50 over gRPC to an in-process fake: build, send, parse, (fuse,) map to passages";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        // Candidates per list as the store asks for them: max(100, top × cap × 3).
        return
        [
            MachineLoad.AtStart(),
            await MeasureAsync("score fusion, no cap (2 lists of 150 candidates, then 50 passages)", QdrantHybridFusion.Score, 0,
                "QueryBatch", QdrantCanned.BatchAnswer(150), cancellationToken),
            await MeasureAsync("score fusion, 2 per article (2 lists of 300 candidates, then 50 passages)", QdrantHybridFusion.Score, 2,
                "QueryBatch", QdrantCanned.BatchAnswer(300), cancellationToken),
            await MeasureAsync("rrf, no cap (50 hits)", QdrantHybridFusion.Rrf, 0,
                "Query", QdrantCanned.QueryAnswer(Top), cancellationToken),
            await MeasureAsync("rrf, 2 per article (50 groups of 2 hits)", QdrantHybridFusion.Rrf, 2,
                "QueryGroups", QdrantCanned.GroupsAnswer(Top, 2), cancellationToken),
        ];
    }

    private static async Task<BenchmarkRow> MeasureAsync(string scenario, QdrantHybridFusion fusion, int cap, string rpc, IMessage answer,
        CancellationToken cancellationToken)
    {
        var handler = new CannedGrpcHandler(QdrantCanned.Frame(QdrantCanned.CollectionInfo(Dimensions)), rpc, QdrantCanned.Frame(answer));
        using var store = new QdrantArchiveStore(Options.Create(new QdrantOptions { Url = new Uri("http://qdrant.invalid:6334"), HybridFusion = fusion }),
            null, null, handler);
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
        var (allocatedBefore, gen0Before) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0));
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
        var received = handler.BytesAnswered / (WarmUp + Measured);
        // The median is the adapter's cost; the mean CPU also carries GC and this VM's noise; the tail follows the collections.
        return new BenchmarkRow($"{scenario}: p50 / p95 per query; mean process CPU; allocated per query, gen0 GCs",
            $"{times[Measured / 2]:F0} µs / {times[Measured * 95 / 100]:F0} µs; {cpu.TotalMicroseconds / Measured:F0} µs ({received / 1024} KiB received); "
            + $"{allocated / 1024} KiB, {collections}",
            "p50 < 0.5 ms, p95 < 1 ms");
    }

    /// <summary>
    /// Answers gRPC calls in-process as HTTP/2 responses with trailers: collection info for <c>Collections/Get</c>, the
    /// canned answer for the one search rpc, and for <c>Points/Get</c> (the winners' passages) the payloads of the ids
    /// asked for, worked out on the first call and replayed, since every query is the same, so the handler's own cost
    /// stays out of the measurement. Unimplemented otherwise.
    /// </summary>
    private sealed class CannedGrpcHandler(byte[] collectionInfo, string rpc, byte[] answer) : HttpMessageHandler
    {
        private byte[]? retrieveAnswer;

        public long BytesAnswered { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = path switch
            {
                "/qdrant.Collections/Get" => collectionInfo,
                "/qdrant.Points/Get" => retrieveAnswer ??= QdrantCanned.Frame(QdrantCanned.RetrieveAnswer(
                    GetPoints.Parser.ParseFrom((await request.Content!.ReadAsByteArrayAsync(cancellationToken))[5..]).Ids)),
                _ when path == "/qdrant.Points/" + rpc => answer,
                _ => null,
            };
            if (request.Content is not null) await request.Content.CopyToAsync(Stream.Null, cancellationToken);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, RequestMessage = request };
            response.Content = new ByteArrayContent(body ?? []) { Headers = { ContentType = new MediaTypeHeaderValue("application/grpc") } };
            response.TrailingHeaders.Add("grpc-status", body is null ? "12" : "0"); // 12: Unimplemented
            if (body is not null && path != "/qdrant.Collections/Get") BytesAnswered += body.Length;
            return response;
        }
    }
}
