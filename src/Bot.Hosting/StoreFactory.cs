using Bot.Core.Retrieval;
using Bot.Core.Sources;
using Bot.Storage.Qdrant;
using Bot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>
/// Registers the archive store that Store:Provider names: the embedded SQLite store (default) or Qdrant, and
/// where sources keep their state: in the embedded archive's file, or, beside a Qdrant archive, in sources.db in
/// the data folder (Qdrant holds points, not the small relational state a sync needs).
/// </summary>
internal static class StoreFactory
{
    public static void AddArchiveStore(IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>()?.Provider ?? "";
        switch (provider.Trim().ToLowerInvariant())
        {
            case "sqlite" or "":
                services.AddSingleton<IArchiveStore>(sp => ActivatorUtilities.CreateInstance<SqliteArchiveStore>(sp));
                services.AddSingleton<ISourceStateStore>(sp =>
                    new SqliteSourceStateStore(sp.GetRequiredService<IOptions<SqliteArchiveOptions>>().Value.DatabasePath));
                break;
            case "qdrant":
                services.AddQdrantArchiveStore(configuration);
                // One fusion weight for both stores, so they rank hybrid queries alike: the embedded store's Store:DenseWeight.
                services.AddOptions<QdrantOptions>()
                    .Configure<IOptions<SqliteArchiveOptions>>((qdrant, sqlite) => qdrant.DenseWeight = sqlite.Value.DenseWeight);
                services.AddSingleton<IArchiveStore>(sp => sp.GetRequiredService<QdrantArchiveStore>());
                services.AddSingleton<ISourceStateStore>(sp => new SqliteSourceStateStore(
                    Path.Combine(sp.GetRequiredService<IOptions<SqliteArchiveOptions>>().Value.DataDirectory, "sources.db")));
                break;
            default:
                // Reported when the store is first needed, as a user-facing error rather than a startup crash.
                services.AddSingleton<IArchiveStore>(_ => throw new ArchiveException(
                    $"Unknown Store:Provider '{provider}'. Use 'sqlite' (embedded, default) or 'qdrant'."));
                services.AddSingleton<ISourceStateStore>(_ => throw new ArchiveException(
                    $"Unknown Store:Provider '{provider}'. Use 'sqlite' (embedded, default) or 'qdrant'."));
                break;
        }
    }
}
