using Bot.Storage.Qdrant.Writing;

namespace Bot.Storage.Qdrant.Tests.Unit;

public sealed class PointIdsTests
{
    // Expected values from Python's uuid.uuid5 with the same namespace: an independent implementation.
    [Theory]
    [InlineData("chunk", "drones01-000", "5e344e91-f833-5c71-a138-770a9edfa5ef")]
    [InlineData("article", "drones01", "8bcc4a65-fab9-52a9-b3d5-a320d5d70073")]
    public void Ids_are_rfc_name_based_uuids(string kind, string name, string expected)
    {
        var id = kind == "chunk" ? PointIds.ForChunk(name) : PointIds.ForArticle(name);
        Assert.Equal(expected, id);
        Assert.Equal("7b5bcb61-423d-55f9-bafa-e92c3badd52a", PointIds.Space);
    }

    [Fact]
    public void An_article_id_never_names_the_same_point_as_an_equal_chunk_id()
    {
        Assert.NotEqual(PointIds.ForArticle("x-001"), PointIds.ForChunk("x-001"));
        Assert.Equal(PointIds.ForChunk("x-001"), PointIds.ForChunk("x-001"));
    }
}
