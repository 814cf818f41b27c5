using Bot.Core.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    public const string HttpClientName = "qdrant";

    /// <summary>
    /// Registers <see cref="QdrantArchiveStore"/> as a singleton, its options bound to the "Qdrant"
    /// section (validated at startup) and its HttpClient from IHttpClientFactory. It does not claim
    /// <see cref="IArchiveStore"/>: the host picks the store (e.g.
    /// <c>"qdrant" =&gt; provider.GetRequiredService&lt;QdrantArchiveStore&gt;()</c>). The store lives as long as the app, so the handler is never recycled and
    /// pooled connections are renewed every few minutes instead, which keeps DNS changes visible.
    /// </summary>
    public static IServiceCollection AddQdrantArchiveStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QdrantOptions>().Bind(configuration.GetSection(QdrantOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QdrantOptions>, QdrantOptionsValidator>();
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new QdrantArchiveStore(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<QdrantOptions>>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
