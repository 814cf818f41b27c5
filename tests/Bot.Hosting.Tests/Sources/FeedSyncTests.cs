using Bot.Core.Sources;
using Bot.Testing;
using static Bot.Testing.NewsFeeds;

namespace Bot.Hosting.Tests.Sources;

/// <summary>Feeds synced from a real Kestrel on loopback into a real SQLite archive.</summary>
public sealed class FeedSyncTests
{
    private static readonly DateTimeOffset Monday = new(2019, 6, 3, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Story <paramref name="n"/>'s feed entry, published <paramref name="n"/> hours after Monday 08:00.</summary>
    internal static Item Entry(NewsSite site, int n, string path = "/world/story-") =>
        new(site[$"{path}{n}"].AbsoluteUri, $"Crane {n} returns", Monday.AddHours(n), $"Reporter {n}", "Ports", "Europe");

    /// <summary>Stories 1..count on the site, and an RSS feed listing them newest first.</summary>
    internal static NewsSite Publish(NewsSite site, int count, string feed = "/feed.xml")
    {
        for (var n = 1; n <= count; n++) site.Page($"/world/story-{n}", Story($"Crane {n} returns | Test Wire", StoryText(n)));
        site.Xml(feed, Rss("Test Wire", Enumerable.Range(1, count).Reverse().Select(n => Entry(site, n))));
        return site;
    }

    [Fact]
    public async Task A_first_sync_ingests_every_item_with_the_feed_filling_what_the_page_lacks()
    {
        await using var site = Publish(await NewsSite.StartAsync(), 3);
        await using var bot = new SyncHarness();
        await bot.AddAsync("wire", "feed", site["/feed.xml"].AbsoluteUri);

        var report = await bot.SyncAsync("wire");

        Assert.True(report.Succeeded, report.Error);
        Assert.Equal(new SyncCounts { Listed = 3, Added = 3 }, report.Counts);
        var story = Assert.Single(await bot.ArticlesAsync(), a => a.Url == site["/world/story-2"].AbsoluteUri);
        Assert.Equal(Monday.AddHours(2), story.Published);
        Assert.Equal("Reporter 2", story.Author);
        Assert.Equal("Test Wire", story.Source);
        Assert.Equal(["europe", "ports"], story.Tags.Order());
        Assert.StartsWith("KALMORA (Test Wire) - Harbour crane number 2 returned", story.Text);
        Assert.All(site.UserAgents, agent => Assert.StartsWith($"NewsArchiveBot/{Bot.Core.Fetching.BotUserAgent.Version} ", agent));
    }

    [Fact]
    public async Task A_second_sync_answered_304_downloads_nothing()
    {
        await using var site = Publish(await NewsSite.StartAsync(), 3);
        await using var bot = new SyncHarness();
        await bot.AddAsync("wire", "feed", site["/feed.xml"].AbsoluteUri);
        await bot.SyncAsync("wire");
        var downloads = site.Downloads;

        var report = await bot.SyncAsync("wire");

        Assert.True(report.ListingNotModified);
        Assert.Equal(downloads, site.Downloads);
        Assert.Equal(1, site.Count("/feed.xml", 304));
        Assert.Equal(0, site.Count("/world/story-1", 304));
        Assert.Equal(3, (await bot.ArticlesAsync()).Count);
    }

    [Fact]
    public async Task A_changed_item_is_updated_and_the_others_are_answered_304()
    {
        await using var site = Publish(await NewsSite.StartAsync(), 3);
        await using var bot = new SyncHarness();
        await bot.AddAsync("wire", "feed", site["/feed.xml"].AbsoluteUri);
        await bot.SyncAsync("wire");

        site.Page("/world/story-2", Story("Crane 2 returns | Test Wire", StoryText(2, "after a three-year refit")));
        site.Xml("/feed.xml", Rss("Test Wire", [Entry(site, 3), Entry(site, 2) with { Title = "Crane 2 returns (corrected)" }, Entry(site, 1)]));
        var report = await bot.SyncAsync("wire");

        Assert.Equal(new SyncCounts { Listed = 3, Updated = 1, NotModified = 2 }, report.Counts);
        Assert.Equal(1, site.Count("/world/story-1", 304));
        var story = Assert.Single(await bot.ArticlesAsync(), a => a.Text.Contains("crane number 2", StringComparison.Ordinal));
        Assert.Contains("after a three-year refit", story.Text);
    }

    [Fact]
    public async Task A_missing_item_and_one_robots_txt_disallows_are_reported_and_the_rest_goes_in()
    {
        await using var site = Publish(await NewsSite.StartAsync(), 2);
        site.Text("/robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: SomeOtherBot\nDisallow: /\n");
        site.Xml("/feed.xml", Rss("Test Wire", [Entry(site, 1), Entry(site, 2), Entry(site, 3), Entry(site, 9, "/private/memo?n=")]));
        site.Page("/private/memo?n=9", Story("Private memo", StoryText(9)));
        await using var bot = new SyncHarness();
        await bot.AddAsync("wire", "feed", site["/feed.xml"].AbsoluteUri);

        var report = await bot.SyncAsync("wire");

        Assert.True(report.Succeeded, report.Error);
        Assert.Equal(new SyncCounts { Listed = 4, Added = 2, Failed = 2 }, report.Counts);
        Assert.Contains(new SyncProblem(site["/world/story-3"].AbsoluteUri, "the server answered 404 Not Found"), report.Problems);
        Assert.Contains(new SyncProblem(site["/private/memo?n=9"].AbsoluteUri,
            $"robots.txt of {site.Root.Authority} disallows /private/memo?n=9 for NewsArchiveBot"), report.Problems);
        Assert.Equal(0, site.Count("/private/memo?n=9"));
        var view = await bot.Catalog.GetAsync("wire", TestContext.Current.CancellationToken);
        Assert.Equal(2, view!.FailingItems.Count);
        Assert.Equal(4, view.ItemsSeen);
        Assert.Equal(0, view.State.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_malformed_feed_fails_the_sync_and_counts_as_a_failure_until_it_is_fixed()
    {
        await using var site = Publish(await NewsSite.StartAsync(), 1);
        site.Xml("/feed.xml", "<rss version=\"2.0\"><channel><title>Broken</title><item><title>No end");
        await using var bot = new SyncHarness();
        await bot.AddAsync("wire", "feed", site["/feed.xml"].AbsoluteUri);

        var failed = await bot.SyncAsync("wire");
        await bot.SyncAsync("wire");

        Assert.StartsWith("not a readable RSS or Atom feed: ", failed.Error);
        var state = (await bot.Catalog.GetAsync("wire", TestContext.Current.CancellationToken))!.State;
        Assert.Equal(2, state.ConsecutiveFailures);
        Assert.Equal(failed.Error, state.LastError);

        Publish(site, 1);
        var fixedReport = await bot.SyncAsync("wire");
        Assert.True(fixedReport.Succeeded);
        Assert.Equal(0, (await bot.Catalog.GetAsync("wire", TestContext.Current.CancellationToken))!.State.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_redirect_to_a_refused_address_is_refused_without_a_request()
    {
        await using var site = Publish(await NewsSite.StartAsync(), 1);
        site.Redirect("/world/moved", $"http://127.0.0.2:{site.Root.Port}/world/story-1");
        site.Xml("/feed.xml", Rss("Test Wire", [Entry(site, 1), new Item(site["/world/moved"].AbsoluteUri, "Moved", Monday)]));
        await using var bot = new SyncHarness();
        await bot.AddAsync("wire", "feed", site["/feed.xml"].AbsoluteUri);

        var report = await bot.SyncAsync("wire");

        var problem = Assert.Single(report.Problems);
        Assert.Equal(site["/world/moved"].AbsoluteUri, problem.Location);
        Assert.StartsWith("refused: 127.0.0.2 resolves to 127.0.0.2, a loopback address", problem.Reason);
        Assert.Equal(1, report.Counts.Added);
    }

    [Fact]
    public async Task An_atom_feed_and_a_pdf_item_are_read_too()
    {
        await using var site = Publish(await NewsSite.StartAsync(), 1);
        site.Put("/docs/report.pdf", "application/pdf", TestPdfs.ThreePageStory(title: null));
        site.Xml("/atom.xml", Atom("Atom Wire", [Entry(site, 1), new Item(site["/docs/report.pdf"].AbsoluteUri, "Drone talks report", Monday, "Desk")]));
        await using var bot = new SyncHarness();
        await bot.AddAsync("atom", "feed", site["/atom.xml"].AbsoluteUri);

        var report = await bot.SyncAsync("atom");

        Assert.Equal(2, report.Counts.Added);
        var pdf = Assert.Single(await bot.ArticlesAsync(), a => a.Url == site["/docs/report.pdf"].AbsoluteUri);
        Assert.Equal("Niger drone talks", pdf.Title);
        Assert.Equal("Desk", pdf.Author);
        Assert.Equal("Atom Wire", pdf.Source);
        var passages = await bot.Store.SearchAsync(new Bot.Core.Retrieval.SearchQuery
        {
            Text = "surveillance drones Sahel", Terms = Bot.Core.Analysis.TextAnalyzer.Terms("surveillance drones Sahel").ToList(), Top = 3,
        }, TestContext.Current.CancellationToken);
        Assert.Equal(3, passages.First(p => p.Article.Id == pdf.Id).Chunk.Page);
    }

    [Fact]
    public async Task MaxItems_takes_the_newest_first_and_the_rest_come_in_later_syncs()
    {
        await using var site = Publish(await NewsSite.StartAsync(), 5);
        await using var bot = new SyncHarness();
        await bot.AddAsync("wire", "feed", site["/feed.xml"].AbsoluteUri, maxItems: 3);

        var first = await bot.SyncAsync("wire");
        var afterFirst = (await bot.ArticlesAsync()).Select(a => a.Title).Order().ToList();
        var second = await bot.SyncAsync("wire");

        Assert.Equal(new SyncCounts { Listed = 5, Added = 3, Deferred = 2 }, first.Counts);
        Assert.Equal(["Crane 3 returns | Test Wire", "Crane 4 returns | Test Wire", "Crane 5 returns | Test Wire"], afterFirst);
        Assert.Equal(2, second.Counts.Added);
        Assert.Equal(5, (await bot.ArticlesAsync()).Count);
    }

    [Fact]
    public async Task A_sync_stopped_half_way_resumes_where_it_stopped()
    {
        await using var site = Publish(await NewsSite.StartAsync(), 4);
        await using var bot = new SyncHarness(null, ("Ingest:BatchSize", "2"));
        await bot.AddAsync("wire", "feed", site["/feed.xml"].AbsoluteUri);
        // Stories are fetched newest first in batches of two: 4 and 3, then 2 and 1. Story 1 hangs; the sync is stopped.
        var stalled = site.Stall("/world/story-1");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var interrupted = bot.SyncAsync("wire", stop.Token);
        await stalled.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted);
        Assert.Equal(2, (await bot.ArticlesAsync()).Count);

        site.Release("/world/story-1");
        var resumed = await bot.SyncAsync("wire");

        Assert.Equal(new SyncCounts { Listed = 4, Added = 2, NotModified = 2 }, resumed.Counts);
        Assert.Equal(1, site.Count("/world/story-4", 200));
        Assert.Equal(4, (await bot.ArticlesAsync()).Count);
    }
}
