using Microsoft.Extensions.Options;

namespace Bot.Storage.Qdrant.Tests.Support;

public static class TestStores
{
    /// <summary>A store on <paramref name="url"/> with fast retries; <paramref name="configure"/> adjusts the options.</summary>
    public static QdrantArchiveStore Create(Uri url, Action<QdrantOptions>? configure = null, TimeProvider? time = null,
        HttpMessageHandler? handler = null, string collection = "news")
    {
        var options = new QdrantOptions
        {
            Url = url,
            Collection = collection,
            Timeout = TimeSpan.FromSeconds(10),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetries = 3,
        };
        configure?.Invoke(options);
        return new QdrantArchiveStore(Options.Create(options), null, time ?? new InstantTimeProvider(), handler);
    }
}
