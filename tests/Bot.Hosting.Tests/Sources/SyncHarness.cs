using Bot.Core.Retrieval;
using Bot.Core.Sources;
using Bot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Hosting.Tests.Sources;

/// <summary>
/// The product's composition over a temporary archive (real SQLite), fetching from the test's news site on
/// 127.0.0.1, with one source added at run time. Disposing keeps nothing.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    private readonly TempDirectory folder;
    private readonly ServiceProvider services;

    public SyncHarness(TempDirectory? data = null, params (string Key, string Value)[] settings)
    {
        folder = data ?? new TempDirectory();
        Owned = data is null;
        var values = new Dictionary<string, string?>
        {
            ["Store:DataDirectory"] = folder.Path,
            ["Ingest:AllowedHosts:0"] = "127.0.0.1",
            ["Ingest:HostDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        services = new ServiceCollection().AddLogging().AddNewsArchive(configuration).BuildServiceProvider();
    }

    private bool Owned { get; }

    public string DataFolder => folder.Path;
    public SourceCatalog Catalog => services.GetRequiredService<SourceCatalog>();
    public IArchiveStore Store => services.GetRequiredService<IArchiveStore>();
    public ISourceStateStore State => services.GetRequiredService<ISourceStateStore>();

    public async Task<SourceDefinition> AddAsync(string name, string kind, string location, int maxItems = 200, params string[] exclude) =>
        await Catalog.AddAsync(new SourceDeclaration
        {
            Name = name, Kind = kind, Url = kind == "folder" ? null : location, Path = kind == "folder" ? location : null,
            MaxItems = maxItems, Exclude = [.. exclude],
        }, TestContext.Current.CancellationToken);

    public async Task<SyncReport> SyncAsync(string name, CancellationToken? cancellationToken = null) =>
        await services.GetRequiredService<SourceSyncRunner>().TrySyncAsync(name, cancellationToken ?? TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException("already syncing");

    public async Task<List<Bot.Core.Articles.Article>> ArticlesAsync()
    {
        var page = await Store.ListArticlesAsync(0, 500, cancellationToken: TestContext.Current.CancellationToken);
        var articles = new List<Bot.Core.Articles.Article>();
        foreach (var summary in page.Items)
            articles.Add((await Store.GetArticleAsync(summary.Id, TestContext.Current.CancellationToken))!);
        return articles;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Owned) folder.Dispose();
    }
}
