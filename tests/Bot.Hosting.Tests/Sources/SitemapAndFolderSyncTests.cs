using Bot.Core.Sources;
using Bot.Testing;
using static Bot.Testing.NewsFeeds;

namespace Bot.Hosting.Tests.Sources;

/// <summary>Sitemaps (Google News, indexes) from a real Kestrel on loopback, and a watched folder, into a real SQLite archive.</summary>
public sealed class SitemapAndFolderSyncTests
{
    private static readonly DateTimeOffset Edited = new(2019, 6, 4, 9, 0, 0, TimeSpan.Zero);

    private static (Item Item, DateTimeOffset LastModified) Url(NewsSite site, int n, DateTimeOffset? lastModified = null) =>
        (FeedSyncTests.Entry(site, n), lastModified ?? Edited);

    [Fact]
    public async Task A_news_sitemap_fills_title_date_and_publisher_and_an_unchanged_lastmod_is_not_downloaded_again()
    {
        await using var site = FeedSyncTests.Publish(await NewsSite.StartAsync(), 3, "/unused.xml");
        site.Page("/world/story-1", "<html><body><article><p>" + StoryText(1).Replace("\n", "</p><p>") + "</p></article></body></html>");
        site.Xml("/news-sitemap.xml", NewsSitemap("Harbour Times", [Url(site, 1), Url(site, 2)]));
        await using var bot = new SyncHarness();
        await bot.AddAsync("harbour", "sitemap", site["/news-sitemap.xml"].AbsoluteUri);

        var first = await bot.SyncAsync("harbour");
        site.Xml("/news-sitemap.xml", NewsSitemap("Harbour Times", [Url(site, 1), Url(site, 2), Url(site, 3)]));
        var second = await bot.SyncAsync("harbour");

        Assert.Equal(new SyncCounts { Listed = 2, Added = 2 }, first.Counts);
        Assert.Equal(new SyncCounts { Listed = 3, Added = 1, NotModified = 2 }, second.Counts);
        Assert.Equal(1, site.Count("/world/story-1"));
        var untitled = Assert.Single(await bot.ArticlesAsync(), a => a.Url == site["/world/story-1"].AbsoluteUri);
        Assert.Equal("Crane 1 returns", untitled.Title);
        Assert.Equal("Harbour Times", untitled.Source);
        Assert.Equal(FeedSyncTests.Entry(site, 1).Published, untitled.Published);
    }

    [Fact]
    public async Task A_sitemap_index_is_followed_and_a_child_answering_304_is_not_read_again()
    {
        await using var site = FeedSyncTests.Publish(await NewsSite.StartAsync(), 3, "/unused.xml");
        site.Xml("/sitemap-a.xml", NewsSitemap("Harbour Times", [Url(site, 1), Url(site, 2)]));
        site.Xml("/sitemap-b.xml", NewsSitemap("Harbour Times", [Url(site, 3)]));
        site.Xml("/sitemap.xml", SitemapIndex([(site["/sitemap-a.xml"].AbsoluteUri, Edited), (site["/sitemap-b.xml"].AbsoluteUri, Edited)]));
        await using var bot = new SyncHarness();
        await bot.AddAsync("harbour", "sitemap", site["/sitemap.xml"].AbsoluteUri);

        var first = await bot.SyncAsync("harbour");
        site.Xml("/sitemap.xml", SitemapIndex([(site["/sitemap-a.xml"].AbsoluteUri, Edited), (site["/sitemap-b.xml"].AbsoluteUri, Edited.AddDays(1))]));
        await bot.SyncAsync("harbour");

        Assert.Equal(3, first.Counts.Added);
        Assert.Equal(1, site.Count("/sitemap-a.xml", 200));
        Assert.Equal(1, site.Count("/sitemap-a.xml", 304));
        Assert.Equal(3, (await bot.ArticlesAsync()).Count);
    }

    [Fact]
    public async Task A_feed_declared_as_a_sitemap_is_a_clear_error()
    {
        await using var site = FeedSyncTests.Publish(await NewsSite.StartAsync(), 1);
        await using var bot = new SyncHarness();
        await bot.AddAsync("wrong", "sitemap", site["/feed.xml"].AbsoluteUri);

        var report = await bot.SyncAsync("wrong");

        Assert.Equal("not a sitemap: the document is <rss>, not <urlset> or <sitemapindex> (if this is a feed, declare the source with kind feed)",
            report.Error);
    }

    [Fact]
    /// <remarks>
    /// A file without a URL is identified by its content, so its changed version is a new article beside the old
    /// one, as with `ingest`; a URL in the file (front matter, sidecar) makes a change replace the stored article.
    /// </remarks>
    public async Task A_watched_folder_reads_new_and_changed_files_and_leaves_unchanged_ones_unread()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.File("one.txt"), "Crane one returns\n\n" + StoryText(1), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(folder.File("report.pdf"), TestPdfs.ThreePageStory(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(folder.File("notes.docx"), "not an article", TestContext.Current.CancellationToken);
        await using var bot = new SyncHarness();
        await bot.AddAsync("desk", "folder", folder.Path);

        var first = await bot.SyncAsync("desk");
        var second = await bot.SyncAsync("desk");
        await File.WriteAllTextAsync(folder.File("one.txt"), "Crane one returns\n\n" + StoryText(1, "after a long refit"), TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(folder.File("one.txt"), DateTime.UtcNow.AddMinutes(1));
        await File.WriteAllTextAsync(folder.File("two.txt"), "Crane two returns\n\n" + StoryText(2), TestContext.Current.CancellationToken);
        var third = await bot.SyncAsync("desk");

        Assert.Equal(new SyncCounts { Listed = 2, Added = 2 }, first.Counts);
        Assert.Equal(new SyncCounts { Listed = 2, NotModified = 2 }, second.Counts);
        Assert.Equal(new SyncCounts { Listed = 3, Added = 2, NotModified = 1 }, third.Counts);
        Assert.Contains(await bot.ArticlesAsync(), a => a.Text.Contains("after a long refit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sources_are_kept_in_the_archive_and_removing_one_keeps_its_articles()
    {
        await using var site = FeedSyncTests.Publish(await NewsSite.StartAsync(), 2);
        using var data = new TempDirectory();
        await using (var bot = new SyncHarness(data))
        {
            await bot.AddAsync("wire", "feed", site["/feed.xml"].AbsoluteUri);
            await bot.SyncAsync("wire");
            await Assert.ThrowsAsync<SourceConflictException>(() => bot.AddAsync("WIRE", "feed", site["/feed.xml"].AbsoluteUri));
        }
        await using (var restarted = new SyncHarness(data))
        {
            var view = Assert.Single(await restarted.Catalog.ListAsync(TestContext.Current.CancellationToken));
            Assert.Equal("wire", view.Definition.Name);
            Assert.NotNull(view.State.ETag);
            Assert.Equal(2, view.State.LastCounts!.Added);
            Assert.True((await restarted.SyncAsync("wire")).ListingNotModified);

            Assert.True(await restarted.Catalog.RemoveAsync("wire", TestContext.Current.CancellationToken));
            Assert.Empty(await restarted.Catalog.ListAsync(TestContext.Current.CancellationToken));
            Assert.Equal(2, (await restarted.ArticlesAsync()).Count);
        }
    }

    [Fact]
    public async Task A_source_declared_in_configuration_is_listed_and_cannot_be_removed_at_run_time()
    {
        await using var site = FeedSyncTests.Publish(await NewsSite.StartAsync(), 1);
        await using var bot = new SyncHarness(null,
            ("Sources:0:Name", "declared"), ("Sources:0:Kind", "feed"), ("Sources:0:Url", site["/feed.xml"].AbsoluteUri),
            ("Sources:0:Interval", "00:30:00"), ("Sources:0:Exclude:0", "/opinion/"));

        var view = Assert.Single(await bot.Catalog.ListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(SourceOrigin.Configuration, view.Definition.Origin);
        Assert.Equal(TimeSpan.FromMinutes(30), view.Definition.Interval);
        Assert.Equal(["/opinion/"], view.Definition.Exclude);
        var refused = await Assert.ThrowsAsync<SourceConflictException>(() => bot.Catalog.RemoveAsync("declared", TestContext.Current.CancellationToken));
        Assert.Equal("The source 'declared' is declared in configuration (Sources); remove it there.", refused.Message);
        Assert.Equal(1, (await bot.SyncAsync("declared")).Counts.Added);
    }
}
