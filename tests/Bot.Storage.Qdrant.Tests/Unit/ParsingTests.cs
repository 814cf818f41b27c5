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
}
