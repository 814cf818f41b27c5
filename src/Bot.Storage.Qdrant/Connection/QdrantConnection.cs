using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Connection;

/// <summary>
/// The gRPC channel to Qdrant, built here from <see cref="QdrantOptions"/> and handed to Qdrant.Client, so one
/// set of options decides the connection for users and tests alike: pooled HTTP/2 connections renewed every few
/// minutes (DNS changes stay visible), keep-alive pings, a receive limit, the <c>api-key</c> header on every call,
/// and TLS whenever the URL is https.
/// </summary>
internal static class QdrantConnection
{
    /// <summary>
    /// The largest answer accepted: a stored article point may carry up to <see cref="Writing.ArticleWriter.MaxRequestBytes"/>
    /// of text, and a listing's scroll page holds offset + limit summaries of a few hundred bytes each.
    /// </summary>
    public const int MaxReceiveBytes = 64 * 1024 * 1024;

    public static SocketsHttpHandler CreateHandler(QdrantOptions options) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
        // Uploads run several calls at once; more than 100 streams in flight would otherwise queue on one connection.
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = options.Timeout,
    };

    /// <param name="handler">Replaces the pooled handler (tests with their own certificate checks, in-process benchmarks); the channel disposes it.</param>
    public static GrpcChannel Create(QdrantOptions options, HttpMessageHandler? handler = null) =>
        GrpcChannel.ForAddress(options.Url, new GrpcChannelOptions
        {
            HttpHandler = handler ?? CreateHandler(options),
            DisposeHttpClient = true,
            MaxReceiveMessageSize = MaxReceiveBytes,
        });

    /// <summary>The client over <paramref name="channel"/>; each attempt gets <see cref="QdrantOptions.Timeout"/> as its deadline.</summary>
    public static QdrantClient CreateClient(GrpcChannel channel, QdrantOptions options)
    {
        var invoker = channel.CreateCallInvoker();
        if (options.ApiKey is { Length: > 0 } key)
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add("api-key", key);
                return metadata;
            });
        return new QdrantClient(new QdrantGrpcClient(invoker), options.Timeout);
    }
}
