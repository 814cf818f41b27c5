using Bot.Core.Retrieval;
using Bot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Hosting.Tests;

/// <summary>The archive's sources, on the embedded store: one entry per publisher with its count and date span.</summary>
public sealed class ArchiveSourcesTests
{
    [Fact]
    public async Task Each_source_is_listed_once_with_its_article_count_and_dates_most_articles_first()
    {
        using var folder = new TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Store:DataDirectory"] = folder.Path }).Build();
        await using var services = new ServiceCollection().AddLogging().AddNewsArchive(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<IArchiveStore>();
        await store.InitializeAsync(null, TestContext.Current.CancellationToken);
        var undated = SampleArchive.Article("nodate01", "Undated note", ["A note without a date or source"], source: null);
        var lowerCase = SampleArchive.Article("reuters2", "Another wire", ["Prices rose"], new DateTimeOffset(2018, 1, 5, 0, 0, 0, TimeSpan.Zero), source: "reuters");
        await store.SaveAsync([.. new[] { SampleArchive.Drones, SampleArchive.Coal, SampleArchive.Brexit, undated, lowerCase }
            .Select(a => IndexedArticle.Lexical(a, SampleArchive.Chunks(a)))], TestContext.Current.CancellationToken);

        var sources = await services.GetRequiredService<ArchiveSources>().ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["Reuters", "(unknown)", "AP"], sources.Select(s => s.Name));
        var reuters = sources[0];
        Assert.Equal((3, 2016, 2018), (reuters.Articles, reuters.Oldest!.Value.Year, reuters.Newest!.Value.Year));
        Assert.Equal((1, (DateTimeOffset?)null), (sources[1].Articles, sources[1].Newest));
    }
}
