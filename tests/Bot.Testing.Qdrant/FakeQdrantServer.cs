using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Testing.Qdrant;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port 0) that records every request, validates it against
/// Qdrant 1.19's OpenAPI contract as it arrives, answers through <see cref="FakeQdrantEngine"/>,
/// validates its own answer too, and can be told to misbehave (delay, 429, 503, any status).
/// </summary>
public sealed class FakeQdrantServer : IAsyncDisposable
{
    private const long BodyLimit = 32L * 1024 * 1024; // Qdrant's default REST limit
    private readonly WebApplication app;
    private readonly QdrantSpec spec;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentQueue<string> violations = new();
    private readonly List<Fault> faults = [];

    public FakeQdrantEngine Engine { get; } = new();
    public Uri Url { get; }
    public string? ApiKey { get; init; }
    public IReadOnlyCollection<RecordedRequest> Requests => requests;
    /// <summary>Contract violations of requests (and of the fake's own answers); must stay empty.</summary>
    public IReadOnlyCollection<string> Violations => violations;

    private FakeQdrantServer(WebApplication app, QdrantSpec spec)
    {
        this.app = app;
        this.spec = spec;
        app.Run(HandleAsync);
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.Replace("[::]", "127.0.0.1"));
    }

    public static FakeQdrantServer Start(QdrantSpec spec, X509Certificate2? certificate = null, string? apiKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, listen => { if (certificate is not null) listen.UseHttps(certificate); });
        });
        return new FakeQdrantServer(builder.Build(), spec) { ApiKey = apiKey };
    }

    /// <summary>The next <paramref name="times"/> requests whose path contains <paramref name="pathPart"/> misbehave.</summary>
    public void Inject(string pathPart, Fault fault, int times = 1)
    {
        lock (faults) for (var i = 0; i < times; i++) faults.Add(fault with { PathPart = pathPart });
    }

    public IEnumerable<RecordedRequest> RequestsTo(string method, string pathPart) =>
        requests.Where(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.Ordinal));

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var pathAndQuery = request.Path.Value + request.QueryString.Value;
        var body = await ReadBodyAsync(request, context.RequestAborted);
        var recorded = new RecordedRequest(request.Method, request.Path.Value ?? "/", pathAndQuery, body,
            request.Headers["api-key"].FirstOrDefault(), DateTimeOffset.UtcNow);
        requests.Enqueue(recorded);
        foreach (var problem in spec.ValidateRequest(request.Method, pathAndQuery, body)) violations.Enqueue(problem);

        if (body?.Length > BodyLimit)
        {
            await WriteAsync(context, pathAndQuery, FakeQdrantEngine.Error(413, "Payload too large"));
            return;
        }
        var fault = TakeFault(recorded.Path);
        if (fault is { BreakOff: true })
        {
            await BreakOffAsync(context, fault, Engine.Handle(request.Method, recorded.Path, string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body)));
            return;
        }
        if (fault is not null)
        {
            if (fault.Delay is { } delay)
            {
                try { await Task.Delay(delay, context.RequestAborted); }
                catch (OperationCanceledException) { return; }
            }
            if (fault.Status is { } status)
            {
                if (fault.RetryAfter is { } after) context.Response.Headers.RetryAfter = after;
                await WriteAsync(context, pathAndQuery, fault.Json is { } injected
                    ? new FakeAnswer(status, JsonNode.Parse(injected), null)
                    : FakeQdrantEngine.Error(status, fault.Message ?? "injected failure"));
                return;
            }
        }
        var open = recorded.Path is "/" or "/readyz" or "/healthz" or "/livez";
        if (ApiKey is not null && !open && recorded.ApiKey != ApiKey)
        {
            await WriteAsync(context, pathAndQuery, FakeQdrantEngine.Error(401, "Must provide an API key or an Authorization bearer token"));
            return;
        }
        var json = string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body);
        await WriteAsync(context, pathAndQuery, Engine.Handle(request.Method, recorded.Path, json));
    }

    /// <summary>Sends the headers and half the body of <paramref name="answer"/>, waits the fault's delay if any, then drops the connection.</summary>
    private static async Task BreakOffAsync(HttpContext context, Fault fault, FakeAnswer answer)
    {
        var bytes = Encoding.UTF8.GetBytes(answer.Json?.ToJsonString() ?? answer.Text ?? "");
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        try
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (fault.Delay is { } delay) await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException) { }
        context.Abort();
    }

    private async Task WriteAsync(HttpContext context, string pathAndQuery, FakeAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        if (answer.Json is { } json)
        {
            var text = json.ToJsonString();
            foreach (var problem in spec.ValidateResponse(context.Request.Method, pathAndQuery, answer.Status, text))
                violations.Enqueue("fake answer: " + problem);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(text, context.RequestAborted);
        }
        else if (answer.Text is { } text)
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(text, context.RequestAborted);
        }
    }

    private Fault? TakeFault(string path)
    {
        lock (faults)
        {
            var index = faults.FindIndex(f => path.Contains(f.PathPart!, StringComparison.Ordinal));
            if (index < 0) return null;
            var fault = faults[index];
            faults.RemoveAt(index);
            return fault;
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any())) return null;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Method, string Path, string PathAndQuery, string? Body, string? ApiKey, DateTimeOffset At);

/// <summary>
/// A misbehaviour: wait <see cref="Delay"/>, then answer <see cref="Status"/> (with Retry-After, and
/// <see cref="Json"/> or an error body with <see cref="Message"/>), or carry on normally. With
/// <see cref="BreakOff"/>, the real answer starts but stops half way (after <see cref="Delay"/>, if set).
/// </summary>
public sealed record Fault(int? Status = null, TimeSpan? Delay = null, string? RetryAfter = null, string? Message = null, string? Json = null,
    bool BreakOff = false)
{
    public string? PathPart { get; init; }
}
