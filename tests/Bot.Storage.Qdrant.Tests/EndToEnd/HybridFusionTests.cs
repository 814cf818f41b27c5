using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Testing;
using Bot.Testing.Qdrant;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Tests.EndToEnd;

/// <summary>Client-side score fusion must rank exactly as the embedded store's fusion of the same two rankings.</summary>
public sealed class HybridFusionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public async Task Score_fusion_is_rank_fusion_of_the_lexical_and_dense_rankings_then_the_per_article_cap(double denseWeight)
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url, o => o.DenseWeight = denseWeight);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones), SampleArchive.Indexed(SampleArchive.Coal),
            SampleArchive.Indexed(SampleArchive.Brexit)], Ct);
        const string question = "Brexit talks leaders and coal shares, drones";
        const int top = 4, cap = 1, candidates = 100; // PrefetchLimit 100 > top × cap × 3

        var lexical = await store.SearchAsync(SampleArchive.Query(question, SearchMode.Lexical, top: candidates, maxPerArticle: 0), Ct);
        var dense = await store.SearchAsync(SampleArchive.Query(question, SearchMode.Dense, top: candidates, maxPerArticle: 0), Ct);
        var expected = PerArticleCap.Apply(
            RankFusion.Convex(Scores(lexical), Scores(dense), denseWeight),
            f => dense.Concat(lexical).First(p => p.Chunk.Id == f.Key).Article.Id, cap, top);
        var hybrid = await store.SearchAsync(SampleArchive.Query(question, SearchMode.Hybrid, top: top, maxPerArticle: cap), Ct);

        Assert.Equal(3, hybrid.Count);
        Assert.Equal(expected.Select(e => e.Key), hybrid.Select(p => p.Chunk.Id));
        Assert.Equal(expected.Select(e => e.Score), hybrid.Select(p => p.Score));
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task A_hybrid_query_without_terms_fuses_the_dense_ranking_alone()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones), SampleArchive.Indexed(SampleArchive.Coal)], Ct);
        var mark = server.Calls.Count;
        var hybrid = await store.SearchAsync(SampleArchive.Query("the of and", SearchMode.Hybrid, maxPerArticle: 0), Ct);

        var batch = Assert.IsType<QueryBatchPoints>(server.Calls.Skip(mark).First().Request); // the candidates; then the winners' passages
        Assert.Equal(["dense"], batch.QueryPoints.Select(q => q.Using));
        Assert.Equal(RankFusion.DefaultDenseWeight, hybrid[0].Score, 9); // the best dense candidate, normalised to 1, times the weight
    }

    private static List<(string Key, double Score)> Scores(IReadOnlyList<Passage> passages) =>
        passages.Select(p => (p.Chunk.Id, p.Score)).ToList();
}
