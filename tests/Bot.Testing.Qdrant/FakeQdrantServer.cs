using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;

namespace Bot.Testing.Qdrant;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port 0) speaking gRPC over HTTP/2 without TLS (or with, given a
/// certificate). Its rpcs are bound from Qdrant.Client's own service descriptors (the package ships no server
/// stubs) as raw bytes, so every request is walked against Qdrant 1.19's contract before it is parsed, and every
/// answer after it is written; then it is answered by <see cref="FakeQdrantEngine"/>. It records each call and can
/// be told to misbehave (<see cref="FakeFault"/>).
/// </summary>
public sealed class FakeQdrantServer : IAsyncDisposable
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor[] Services =
    [
        QdrantReflection.Descriptor.Services.Single(),
        CollectionsServiceReflection.Descriptor.Services.Single(),
        PointsServiceReflection.Descriptor.Services.Single(),
    ];
    private readonly WebApplication app;
    private readonly QdrantContract contract;
    private readonly ConcurrentQueue<FakeCall> calls = new();
    private readonly ConcurrentQueue<string> violations = new();
    private readonly ConcurrentDictionary<string, ConnectionContext> connections = new();
    private readonly List<(string Rpc, FakeFault Fault)> faults = [];

    public FakeQdrantEngine Engine { get; } = new();
    public Uri Url { get; }
    public string? ApiKey { get; init; }
    public IReadOnlyCollection<FakeCall> Calls => calls;
    /// <summary>Contract violations of requests and of the fake's own answers; must stay empty.</summary>
    public IReadOnlyCollection<string> Violations => violations;

    private FakeQdrantServer(QdrantContract contract, X509Certificate2? certificate)
    {
        this.contract = contract;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = certificate is null ? HttpProtocols.Http2 : HttpProtocols.Http1AndHttp2;
            if (certificate is not null) listen.UseHttps(certificate);
            listen.Use(next => async connection =>
            {
                connections[connection.ConnectionId] = connection;
                try { await next(connection); }
                finally { connections.TryRemove(connection.ConnectionId, out _); }
            });
        }));
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.EnableDetailedErrors = true;
        });
        builder.Services.AddSingleton<IServiceMethodProvider<FakeQdrantService>>(new MethodProvider(this));
        app = builder.Build();
        app.MapGrpcService<FakeQdrantService>();
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.Replace("[::]", "127.0.0.1"));
    }

    public static FakeQdrantServer Start(QdrantContract contract, X509Certificate2? certificate = null, string? apiKey = null) =>
        new(contract, certificate) { ApiKey = apiKey };

    /// <summary>The next <paramref name="times"/> calls of <paramref name="rpc"/> ("Points/Upsert", or a prefix of it) misbehave.</summary>
    public void Inject(string rpc, FakeFault fault, int times = 1)
    {
        lock (faults) for (var i = 0; i < times; i++) faults.Add((rpc, fault));
    }

    /// <summary>The calls of <paramref name="rpc"/>, short ("Points/Query") or full ("qdrant.Points/Query").</summary>
    public IEnumerable<FakeCall> CallsTo(string rpc) => calls.Where(c => c.Rpc == rpc || c.Rpc == "qdrant." + rpc);

    public IEnumerable<T> Requests<T>(string rpc) where T : IMessage => CallsTo(rpc).Select(c => c.Request).OfType<T>();

    private async Task<byte[]> HandleAsync(MethodDescriptor method, byte[] body, ServerCallContext context)
    {
        var rpc = $"{method.Service.FullName}/{method.Name}";
        foreach (var problem in contract.CheckRequest(rpc, method.InputType.FullName, body)) violations.Enqueue(problem);
        var request = method.InputType.Parser.ParseFrom(body);
        var apiKey = context.RequestHeaders.GetValue("api-key");
        calls.Enqueue(new FakeCall(rpc, request, apiKey, context.GetHttpContext().Request.Headers["grpc-encoding"].FirstOrDefault(), body.Length, DateTimeOffset.UtcNow));

        var fault = TakeFault(rpc);
        if (fault is not null) await MisbehaveAsync(fault, context);
        // Qdrant lets health checks through without a key.
        if (ApiKey is not null && rpc != "qdrant.Qdrant/HealthCheck" && apiKey != ApiKey)
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Invalid api-key"));

        var answer = (fault?.Answer ?? Engine.Handle(rpc, request)).ToByteArray();
        foreach (var problem in contract.CheckAnswer(rpc, method.OutputType.FullName, answer)) violations.Enqueue("fake " + problem);
        return answer;
    }

    private async Task MisbehaveAsync(FakeFault fault, ServerCallContext context)
    {
        if (fault.Delay is { } delay)
        {
            // Past the client's deadline the call is cancelled, and so is this wait.
            try { await Task.Delay(delay, context.CancellationToken); }
            catch (OperationCanceledException) { throw new RpcException(Status.DefaultCancelled); }
        }
        if (fault.CutConnection)
        {
            connections[context.GetHttpContext().Connection.Id].Abort(new ConnectionAbortedException("cut by a test fault"));
            throw new RpcException(new Status(StatusCode.Unavailable, "connection cut"));
        }
        if (fault.Status is { } status)
        {
            var trailers = new Metadata();
            foreach (var (key, value) in fault.Trailers ?? new Dictionary<string, string>()) trailers.Add(key, value);
            throw new RpcException(new Status(status, fault.Message ?? "injected failure"), trailers);
        }
    }

    private FakeFault? TakeFault(string rpc)
    {
        lock (faults)
        {
            var index = faults.FindIndex(f => rpc.StartsWith("qdrant." + f.Rpc, StringComparison.Ordinal));
            if (index < 0) return null;
            var fault = faults[index].Fault;
            faults.RemoveAt(index);
            return fault;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Binds every unary rpc of the package's Qdrant, Collections and Points services to <see cref="HandleAsync"/>.</summary>
    private sealed class MethodProvider(FakeQdrantServer server) : IServiceMethodProvider<FakeQdrantService>
    {
        private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

        public void OnServiceMethodDiscovery(ServiceMethodProviderContext<FakeQdrantService> context)
        {
            foreach (var method in Services.SelectMany(s => s.Methods).Where(m => !m.IsClientStreaming && !m.IsServerStreaming))
                context.AddUnaryMethod(new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Bytes, Bytes), [],
                    (_, request, call) => server.HandleAsync(method, request, call));
        }
    }
}

/// <summary>The service type the rpcs are bound to; its instances do nothing, <see cref="FakeQdrantServer"/> answers.</summary>
public sealed class FakeQdrantService;

/// <summary>One call as the fake received it; <see cref="Encoding"/> is the request's compression, <see cref="Bytes"/> its size uncompressed.</summary>
public sealed record FakeCall(string Rpc, IMessage Request, string? ApiKey, string? Encoding, int Bytes, DateTimeOffset At);

/// <summary>
/// A misbehaviour: wait <see cref="Delay"/> (past the client's deadline, a stalled answer), then cut the whole
/// connection (<see cref="CutConnection"/>), fail with <see cref="Status"/> and <see cref="Trailers"/> (e.g.
/// ResourceExhausted with retry-after), answer <see cref="Answer"/> instead of the engine, or carry on normally.
/// </summary>
public sealed record FakeFault(StatusCode? Status = null, string? Message = null, TimeSpan? Delay = null, bool CutConnection = false,
    IReadOnlyDictionary<string, string>? Trailers = null, IMessage? Answer = null);
