using System.Net;
using Bot.Testing;
using Bot.Web.Tests.Hosting;
using static Bot.Testing.NewsFeeds;

namespace Bot.Web.Tests.Sources;

/// <summary>/api/sources on the real host, syncing from a news site on loopback through the hosted schedule.</summary>
public sealed class SourcesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static NewsSite Publish(NewsSite site, int count = 2)
    {
        var monday = new DateTimeOffset(2019, 6, 3, 8, 0, 0, TimeSpan.Zero);
        for (var n = 1; n <= count; n++) site.Page($"/world/story-{n}", Story($"Crane {n} returns", StoryText(n)));
        site.Xml("/feed.xml", Rss("Test Wire", Enumerable.Range(1, count).Select(n =>
            new Item(site[$"/world/story-{n}"].AbsoluteUri, $"Crane {n} returns", monday.AddHours(n), "Desk", "Ports"))));
        return site;
    }

    [Fact]
    public async Task An_added_source_is_synced_by_the_schedule_and_shown_with_its_counts()
    {
        await using var site = Publish(await NewsSite.StartAsync());
        await using var host = await WebHost.StartAsync("Seeds:IngestWhenEmpty=false");
        using var client = host.Client();

        var created = await (await client.AddSourceAsync(new { name = "wire", kind = "feed", url = site["/feed.xml"].AbsoluteUri, interval = "02:00:00" }))
            .JsonAsync(HttpStatusCode.Created);
        var synced = await client.SyncedAsync("wire");
        var list = await (await client.GetAsync("/api/sources", Ct)).JsonAsync();

        Assert.Equal("wire", (string)created["definition"]!["name"]!);
        Assert.Equal("02:00:00", (string)created["definition"]!["interval"]!);
        Assert.Equal(2, (int)synced["state"]!["lastCounts"]!["added"]!);
        Assert.Equal(2, (int)synced["itemsSeen"]!);
        Assert.Null(synced["state"]!["lastError"]);
        Assert.NotNull(synced["state"]!["nextDue"]);
        Assert.Equal("wire", (string)list.AsArray().Single()!["definition"]!["name"]!);
        Assert.Equal(2, (int)(await (await client.GetAsync("/api/articles", Ct)).JsonAsync())["total"]!);
    }

    [Fact]
    public async Task Sync_now_syncs_again_and_a_304_downloads_nothing()
    {
        await using var site = Publish(await NewsSite.StartAsync());
        await using var host = await WebHost.StartAsync("Seeds:IngestWhenEmpty=false");
        using var client = host.Client();
        await client.AddSourceAsync(new { name = "wire", url = site["/feed.xml"].AbsoluteUri });
        var first = await client.SyncedAsync("wire");
        var downloads = site.Downloads;

        var accepted = await client.PostAsync("/api/sources/wire/sync", null, Ct);
        var second = await client.SyncedAsync("wire", DateTimeOffset.Parse((string)first["state"]!["lastStarted"]!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(downloads, site.Downloads);
        Assert.Equal(0, (int)second["state"]!["lastCounts"]!["listed"]!);
        Assert.Equal(1, site.Count("/feed.xml", 304));
    }

    [Fact]
    public async Task Bad_duplicate_unknown_and_declared_sources_get_clear_problems()
    {
        await using var host = await WebHost.StartAsync("Seeds:IngestWhenEmpty=false",
            "Sources:0:Name=declared", "Sources:0:Url=http://127.0.0.1:1/feed.xml", "SourceSync:Enabled=false");
        using var client = host.Client();

        var bad = await (await client.AddSourceAsync(new { name = "x y", url = "http://127.0.0.1:1/f" })).ProblemAsync(HttpStatusCode.BadRequest);
        var noUrl = await (await client.AddSourceAsync(new { name = "nourl", kind = "sitemap" })).ProblemAsync(HttpStatusCode.BadRequest);
        var taken = await (await client.AddSourceAsync(new { name = "Declared", url = "http://127.0.0.1:1/f" })).ProblemAsync(HttpStatusCode.Conflict);
        var removeDeclared = await (await client.DeleteAsync("/api/sources/declared", Ct)).ProblemAsync(HttpStatusCode.Conflict);
        await (await client.GetAsync("/api/sources/nowhere", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync("/api/sources/nowhere/sync", null, Ct)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("'x y' is not a valid source name", (string)bad["detail"]!);
        Assert.Contains("a sitemap needs an http or https URL", (string)noUrl["detail"]!);
        Assert.Equal("A source named 'Declared' already exists.", (string)taken["detail"]!);
        Assert.Equal("The source 'declared' is declared in configuration (Sources); remove it there.", (string)removeDeclared["detail"]!);
    }

    [Fact]
    public async Task Sources_need_the_admin_role()
    {
        await using var host = await WebHost.StartAsync("Seeds:IngestWhenEmpty=false",
            "Api:Keys:0:Name=desk", "Api:Keys:0:Key=reader-1", "Api:Keys:0:Role=reader");
        using var client = host.Client("reader-1");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/sources", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.AddSourceAsync(new { name = "wire", url = "https://wire.example/feed.xml" })).StatusCode);
    }

    [Fact]
    public async Task Health_names_a_source_that_keeps_failing()
    {
        await using var site = await NewsSite.StartAsync();
        await using var host = await WebHost.StartAsync("Seeds:IngestWhenEmpty=false", "SourceSync:FailingAfter=1",
            "Sources:0:Name=broken", $"Sources:0:Url={site["/gone.xml"].AbsoluteUri}");
        using var client = host.Client();

        await client.SyncedAsync("broken");
        var health = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded\nsources: Degraded: sources failing: 'broken' failed 1 syncs in a row: the server answered 404 Not Found",
            await health.Content.ReadAsStringAsync(Ct));
    }
}
