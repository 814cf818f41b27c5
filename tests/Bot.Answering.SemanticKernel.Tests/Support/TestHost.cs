using Bot.Answering.SemanticKernel.Configuration;
using Bot.Core.Retrieval;
using Bot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Answering.SemanticKernel.Tests.Support;

/// <summary>The services a host provides (logging, a SQLite archive, the retriever) plus <c>AddSemanticKernelAnswering</c>.</summary>
public static class TestHost
{
    public static IServiceCollection Services(Dictionary<string, string?> settings, string dataDirectory, CapturingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => { if (logs is not null) b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace); });
        services.AddOptions<RetrievalOptions>();
        services.AddOptions<SqliteArchiveOptions>().Configure(o => o.DataDirectory = dataDirectory);
        services.AddSingleton<IArchiveStore, SqliteArchiveStore>();
        services.AddSingleton<Retriever>();
        services.AddSemanticKernelAnswering(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}
