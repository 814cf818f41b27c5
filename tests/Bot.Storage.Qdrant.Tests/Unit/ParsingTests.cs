using System.Text.Json;
using Bot.Storage.Qdrant.Reading;
using Bot.Storage.Qdrant.Setup;

namespace Bot.Storage.Qdrant.Tests.Unit;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("1.19.0", 1, 19)]
    [InlineData("v1.12.4-dev", 1, 12)]
    [InlineData("1.9", 1, 9)]
    public void Server_versions_parse(string text, int major, int minor)
    {
        var version = CollectionSetup.ParseVersion(text)!;
        Assert.Equal((major, minor), (version.Major, version.Minor));
    }

    [Theory]
    [InlineData("")]
    [InlineData("dev")]
    [InlineData("one.two")]
    public void Unreadable_versions_give_null(string text) => Assert.Null(CollectionSetup.ParseVersion(text));

    [Fact]
    public void Segment_sizes_are_summed_for_the_collection_only()
    {
        var telemetry = JsonDocument.Parse("""
            {"id":"n","collections":{"number_of_collections":2,"collections":[
              {"id":"news","shards":[{"id":0,"remote":[],"replicate_states":{},"local":{"total_optimized_points":0,"segments":[
                 {"info":{"disk_usage_bytes":100,"ram_usage_bytes":10}},{"info":{"disk_usage_bytes":50,"ram_usage_bytes":5}}]}}]},
              {"id":"other","shards":[{"id":0,"remote":[],"replicate_states":{},"local":{"total_optimized_points":0,"segments":[
                 {"info":{"disk_usage_bytes":999,"ram_usage_bytes":999}}]}}]}]}}
            """).RootElement;
        Assert.Equal((150L, 15L), StatsReader.SegmentSizes(telemetry, "news"));
        Assert.Equal((0L, 0L), StatsReader.SegmentSizes(JsonDocument.Parse("""{"id":"n","collections":{"number_of_collections":0}}""").RootElement, "news"));
    }
}
