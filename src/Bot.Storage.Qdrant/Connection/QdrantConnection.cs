using System.IO.Compression;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Compression;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Connection;

/// <summary>
/// The gRPC channel to Qdrant, built here from <see cref="QdrantOptions"/> and handed to Qdrant.Client, so one
/// set of options decides the connection for users and tests alike: pooled HTTP/2 connections renewed every few
/// minutes (DNS changes stay visible), keep-alive pings, a receive limit, the <c>api-key</c> header on every call,
/// optional gzip on uploads, and TLS whenever the URL is https.
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
            CompressionProviders = [new GzipUploads()],
        });

    /// <summary>The client over <paramref name="channel"/>; each attempt gets <see cref="QdrantOptions.Timeout"/> as its deadline.</summary>
    public static QdrantClient CreateClient(GrpcChannel channel, QdrantOptions options) =>
        new(new QdrantGrpcClient(channel.CreateCallInvoker().Intercept(new Headers(options))), options.Timeout);

    /// <summary>The api-key header on every call and, with <see cref="QdrantOptions.CompressUploads"/>, gzip on upserts.</summary>
    private sealed class Headers(QdrantOptions options) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
            ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            var headers = context.Options.Headers ?? [];
            if (options.ApiKey is { Length: > 0 } key) headers.Add("api-key", key);
            // Grpc.Net.Client's way to compress one call's request.
            if (options.CompressUploads && context.Method.Name == "Upsert") headers.Add("grpc-internal-encoding-request", GzipUploads.Name);
            return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
        }
    }

    /// <summary>
    /// gzip at zlib level 2, which Qdrant accepts on every service: the lowest level whose dynamic Huffman codes shrink
    /// float32 vectors at all (level 1 codes them with fixed tables and makes them ~5% larger); text shrinks about threefold.
    /// </summary>
    private sealed class GzipUploads : ICompressionProvider
    {
        public const string Name = "gzip";

        public string EncodingName => Name;

        public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
            new GZipStream(stream, new ZLibCompressionOptions { CompressionLevel = 2 }, leaveOpen: true);

        public Stream CreateDecompressionStream(Stream stream) => new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
    }
}
