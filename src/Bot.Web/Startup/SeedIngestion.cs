using Bot.Core.Ingestion;
using Bot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace Bot.Web.Startup;

/// <summary>
/// On first start with an empty archive, ingests the seed articles so a fresh clone answers questions at once.
/// Runs before the server listens: the first question never meets an empty archive.
/// </summary>
public sealed class SeedIngestion(IServiceScopeFactory scopes, IOptions<SeedOptions> options, ILogger<SeedIngestion> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IArchiveStore>();
        var indexer = scope.ServiceProvider.GetRequiredService<ArticleIndexer>();
        await store.InitializeAsync(indexer.Space, cancellationToken);
        if (!options.Value.IngestWhenEmpty || (await store.GetStatsAsync(cancellationToken)).Articles > 0) return;

        if (Locate(options.Value.Path) is not { } folder)
        {
            logger.LogWarning("The archive is empty and no seed folder '{Path}' was found; ingest articles with POST /api/ingest or the CLI.", options.Value.Path);
            return;
        }
        var report = await scope.ServiceProvider.GetRequiredService<IngestPipeline>().RunAsync([folder], cancellationToken: cancellationToken);
        logger.LogInformation("Ingested {Count} seed articles from {Folder}", report.Stored, folder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string? Locate(string path)
    {
        if (System.IO.Path.IsPathRooted(path)) return Directory.Exists(path) ? path : null;
        if (Directory.Exists(path)) return System.IO.Path.GetFullPath(path);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, path);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
