using System.IO.Pipelines;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Benchmarks.Qdrant;

/// <summary>
/// A minimal gRPC server on 127.0.0.1 (Kestrel, HTTP/2 without TLS) that reads and discards each call and answers
/// with a canned message: collection info for <c>Collections/Get</c>, an update result for the rest. Every byte the
/// client sends over the connection is counted (HTTP/2 frames and headers included: bytes on the wire). Cheap on
/// purpose; it runs in a child process (<see cref="SinkProcess"/>) so its CPU time is measured apart from the client's.
/// </summary>
internal sealed class GrpcSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private long bytesReceived;
    private int calls;

    public GrpcSink(int dimensions)
    {
        var info = QdrantCanned.Frame(QdrantCanned.CollectionInfo(dimensions));
        var updated = QdrantCanned.Frame(QdrantCanned.UpdateCompleted);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.Use(next => connection =>
                {
                    var input = PipeReader.Create(new CountingStream(connection.Transport.Input.AsStream(), n => Interlocked.Add(ref bytesReceived, n)));
                    connection.Transport = new DuplexPipe(input, connection.Transport.Output);
                    return next(connection);
                });
            });
        });
        app = builder.Build();
        app.MapPost("/{service}/{method}", async (HttpContext context, string method) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            Interlocked.Increment(ref calls);
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(method == "Get" ? info : updated, context.RequestAborted);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        app.StartAsync().GetAwaiter().GetResult();
        Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Url { get; }
    public long BytesReceived => Interlocked.Read(ref bytesReceived);
    public int Calls => Volatile.Read(ref calls);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;
        public PipeWriter Output => output;
    }

    /// <summary>Reads through to <paramref name="inner"/>, reporting how many bytes each read brought.</summary>
    private sealed class CountingStream(Stream inner, Action<int> counted) : Stream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            counted(read);
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
