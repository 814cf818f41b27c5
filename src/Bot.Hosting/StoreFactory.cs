using Bot.Core.Retrieval;
using Bot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

internal static class StoreFactory
{
    public static IArchiveStore Create(IServiceProvider provider, IConfiguration configuration)
    {
        var store = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
        return store.Provider.Trim().ToLowerInvariant() switch
        {
            "sqlite" or "" => ActivatorUtilities.CreateInstance<SqliteArchiveStore>(provider),
            var other => throw new ArchiveException($"Unknown Store:Provider '{other}'. Use 'sqlite' (embedded, default) or 'qdrant'."),
        };
    }
}
