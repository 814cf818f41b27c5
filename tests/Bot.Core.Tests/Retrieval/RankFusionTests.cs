using Bot.Core.Retrieval;

namespace Bot.Core.Tests.Retrieval;

public sealed class RankFusionTests
{
    [Fact]
    public void Each_ranking_is_min_max_normalised_then_mixed_by_the_dense_weight()
    {
        var fused = RankFusion.Convex([("a", 10.0), ("b", 6.0), ("c", 2.0)], [("c", 0.9), ("d", 0.5)], denseWeight: 0.25);

        Assert.Equal(["a", "b", "c", "d"], fused.Select(f => f.Key));
        Assert.Equal(0.75, fused[0].Score, 12); // lexical 1, absent from the dense ranking: 0 there
        Assert.Equal(0.375, fused[1].Score, 12);
        Assert.Equal(0.25, fused[2].Score, 12); // lexical 0, dense 1
        Assert.Equal(0.0, fused[3].Score, 12);
    }

    [Fact]
    public void Equal_scores_keep_the_order_first_seen_lexical_before_dense_only()
    {
        var fused = RankFusion.Convex([("x", 1.0), ("y", 1.0), ("z", 0.0)], [("w", 5.0), ("x", 5.0), ("v", 5.0)], denseWeight: 0.5);

        // All equal in one ranking normalise to 1: x has 1 + 1, y 1 + 0, w and v 0 + 1, z 0.
        Assert.Equal(["x", "y", "w", "v", "z"], fused.Select(f => f.Key));
        Assert.Equal([1.0, 0.5, 0.5, 0.5, 0.0], fused.Select(f => f.Score));
    }

    [Fact]
    public void One_ranking_alone_is_its_normalised_order_and_none_gives_nothing()
    {
        var fused = RankFusion.Convex([], [(1, 3.0), (2, 4.0)]);
        Assert.Equal([(2, RankFusion.DefaultDenseWeight), (1, 0.0)], fused);
        Assert.Empty(RankFusion.Convex<int>([], []));
    }

    [Fact]
    public void A_key_twice_in_the_lexical_ranking_keeps_its_last_score_and_twice_in_the_dense_one_adds_up()
    {
        var fused = RankFusion.Convex([("a", 2.0), ("b", 1.0), ("a", 0.0)], [("b", 1.0), ("b", 1.0), ("c", 0.0)], denseWeight: 0.5);

        Assert.Equal([("b", 1.25), ("a", 0.0), ("c", 0.0)], fused); // b: 0.5 × 0.5 + 0.5 × (1 + 1)
    }
}
