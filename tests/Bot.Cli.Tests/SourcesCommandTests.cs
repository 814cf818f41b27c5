using Bot.Testing;
using static Bot.Testing.NewsFeeds;

namespace Bot.Cli.Tests;

/// <summary>`sources add|list|show|remove|sync` against a news site on loopback, and PDF pages in printed citations.</summary>
public sealed class SourcesCommandTests
{
    private static NewsSite Publish(NewsSite site)
    {
        var monday = new DateTimeOffset(2019, 6, 3, 8, 0, 0, TimeSpan.Zero);
        site.Page("/world/cranes", Story("Cranes return | Test Wire", StoryText(1)));
        site.Xml("/feed.xml", Rss("Test Wire", [
            new Item(site["/world/cranes"].AbsoluteUri, "Cranes return", monday),
            new Item(site["/world/gone"].AbsoluteUri, "Gone", monday.AddHours(1)),
        ]));
        return site;
    }

    [Fact]
    public async Task A_source_is_added_synced_shown_listed_and_removed()
    {
        await using var site = Publish(await NewsSite.StartAsync());
        using var cli = new CliRunner();

        var added = await cli.RunAsync("sources", "add", "wire", site["/feed.xml"].AbsoluteUri, "--every", "30m", "--exclude", "/opinion/");
        var synced = await cli.RunAsync("sources", "sync", "wire");
        var again = await cli.RunAsync("sources", "sync");
        var shown = await cli.RunAsync("sources", "show", "wire");
        var listed = await cli.JsonAsync("sources", "list", "--json");
        var removed = await cli.RunAsync("sources", "remove", "wire");

        Assert.Equal(0, added.Exit);
        Assert.Equal($"Added wire: feed {site["/feed.xml"].AbsoluteUri}, every 30 min, at most 200 items a sync.", added.Output.Trim());
        Assert.Equal(0, synced.Exit);
        Assert.Contains("wire: synced in ", synced.Output);
        Assert.Contains("2 listed, 1 added, 0 updated, 0 unchanged, 0 not modified, 1 failed, 0 deferred", synced.Output);
        Assert.Contains($"  failed: {site["/world/gone"].AbsoluteUri}: the server answered 404 Not Found", synced.Output);
        // The failed item keeps the feed from being trusted as unchanged: it is listed again, the good item answered 304.
        Assert.Contains("2 listed, 0 added, 0 updated, 0 unchanged, 1 not modified, 1 failed", again.Output);
        Assert.Contains("exclude:     /opinion/", shown.Output);
        Assert.Contains("items seen:  2, failing 1", shown.Output);
        Assert.Contains($"  failed 2x: {site["/world/gone"].AbsoluteUri}: the server answered 404 Not Found", shown.Output);
        var only = Assert.Single(listed.EnumerateArray());
        Assert.Equal("wire", only.GetProperty("definition").GetProperty("name").GetString());
        Assert.Equal("feed", only.GetProperty("definition").GetProperty("kind").GetString());
        Assert.Equal(1, only.GetProperty("state").GetProperty("lastCounts").GetProperty("notModified").GetInt32());
        Assert.Equal(0, removed.Exit);
        Assert.Contains("its articles stay in the archive", removed.Output);
        Assert.Contains("1 of 1 articles", (await cli.RunAsync("articles", "list")).Output);
    }

    [Theory]
    [InlineData("bad name!", "https://wire.example/feed.xml", "'bad name!' is not a valid source name")]
    [InlineData("wire", "ftp://wire.example/feed.xml", "a feed needs an http or https URL")]
    [InlineData("wire", "https://wire.example/feed.xml --every soon", "'soon' is not an interval")]
    public async Task Bad_sources_are_refused_with_a_clear_error(string name, string location, string message)
    {
        using var cli = new CliRunner();
        var parts = location.Split(' ');

        var (exit, _, error) = await cli.RunAsync(["sources", "add", name, .. parts]);

        Assert.Equal(1, exit);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task A_failing_sync_exits_non_zero_and_says_why()
    {
        await using var site = await NewsSite.StartAsync();
        site.Xml("/feed.xml", "<rss><channel><title>cut off");
        using var cli = new CliRunner();
        await cli.RunAsync("sources", "add", "broken", site["/feed.xml"].AbsoluteUri);

        var (exit, output, _) = await cli.RunAsync("sources", "sync", "broken");

        Assert.Equal(1, exit);
        Assert.Contains("broken: FAILED", output);
        Assert.Contains("  error: not a readable RSS or Atom feed: ", output);
    }

    [Fact]
    public async Task A_citation_of_a_pdf_says_its_page()
    {
        using var cli = new CliRunner();
        using var folder = new TempDirectory();
        await File.WriteAllBytesAsync(folder.File("drones.pdf"), TestPdfs.ThreePageStory(), TestContext.Current.CancellationToken);
        Assert.Equal(0, (await cli.RunAsync("ingest", folder.Path)).Exit);

        var (exit, output, error) = await cli.RunAsync("ask", "Who asked the United States to arm its surveillance drones?");

        Assert.True(exit == 0, error);
        Assert.Contains("[1] Niger drone talks, in three pages · 2017-11-01 · Reuters · p. 3 · ", output);
        Assert.Contains("Niger asked the United States to arm its surveillance drones over the Sahel.", output);
    }
}
