using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="QdrantArchiveStore"/> as a singleton (it owns its gRPC channel) with its options bound to
    /// the "Qdrant" section and validated at startup, and the "qdrant" health check tagged "ready". It does not claim
    /// <see cref="Core.Retrieval.IArchiveStore"/>: the host picks the store (e.g.
    /// <c>"qdrant" =&gt; provider.GetRequiredService&lt;QdrantArchiveStore&gt;()</c>).
    /// </summary>
    public static IServiceCollection AddQdrantArchiveStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QdrantOptions>().Bind(configuration.GetSection(QdrantOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QdrantOptions>, QdrantOptionsValidator>();
        services.AddSingleton(sp => new QdrantArchiveStore(
            sp.GetRequiredService<IOptions<QdrantOptions>>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddHealthChecks().AddCheck<QdrantHealthCheck>("qdrant", tags: ["ready"]);
        return services;
    }
}
