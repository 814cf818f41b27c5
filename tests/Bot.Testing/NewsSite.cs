using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Testing;

/// <summary>
/// A news site on a real Kestrel at 127.0.0.1 (free port) whose documents (pages, feeds, sitemaps, robots.txt,
/// PDFs) the test sets and changes while it runs. Each document has an ETag and If-None-Match gets a 304, as a
/// well-behaved server does; every request is logged so tests can tell what was downloaded.
/// </summary>
public sealed class NewsSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Document> documents = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, int Status)> log = new();
    private readonly ConcurrentQueue<string> userAgents = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> stalled = new(StringComparer.Ordinal);
    private WebApplication? app;

    public Uri Root { get; private set; } = null!;

    public Uri this[string path] => new(Root, path);

    public static async Task<NewsSite> StartAsync()
    {
        var site = new NewsSite();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        site.app = builder.Build();
        site.app.Run(site.ServeAsync);
        await site.app.StartAsync();
        site.Root = new Uri(site.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return site;
    }

    public void Page(string path, string html) => Put(path, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));
    public void Xml(string path, string xml) => Put(path, "application/xml; charset=utf-8", Encoding.UTF8.GetBytes(xml));
    public void Text(string path, string text) => Put(path, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));
    public void Put(string path, string contentType, byte[] body) => documents[path] = new Document(contentType, body, null, 200);
    public void Redirect(string path, string location) => documents[path] = new Document("", [], location, 302);
    public void Fail(string path, int status) => documents[path] = new Document("text/plain", [], null, status);
    public void Remove(string path) => documents.TryRemove(path, out _);

    /// <summary>Requests for <paramref name="path"/> hang until the client gives up; the task completes when the first arrives.</summary>
    public Task Stall(string path)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stalled[path] = arrived;
        return arrived.Task;
    }

    /// <summary>Serves <paramref name="path"/> normally again.</summary>
    public void Release(string path) => stalled.TryRemove(path, out _);

    /// <summary>Requests for <paramref name="path"/> answered with <paramref name="status"/> (any status when null).</summary>
    public int Count(string path, int? status = null) => log.Count(r => r.Path == path && (status is null || r.Status == status));

    /// <summary>Responses with a body (status 200) since the site started: what a client downloaded.</summary>
    public int Downloads => log.Count(r => r.Status == 200);

    public IReadOnlyList<(string Path, int Status)> Requests => log.ToList();

    /// <summary>The User-Agent of every request, in order.</summary>
    public IReadOnlyList<string> UserAgents => userAgents.ToList();

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value + context.Request.QueryString.Value;
        userAgents.Enqueue(context.Request.Headers.UserAgent.ToString());
        if (stalled.TryGetValue(path, out var arrived))
        {
            log.Enqueue((path, 0));
            arrived.TrySetResult();
            try { await Task.Delay(Timeout.Infinite, context.RequestAborted); } catch (OperationCanceledException) { }
            return;
        }
        var status = 404;
        if (documents.TryGetValue(path, out var document))
        {
            status = document.Status;
            if (document.Location is not null) context.Response.Headers.Location = document.Location;
            else if (status == 200)
            {
                var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(document.Body))[..16]}\"";
                context.Response.Headers.ETag = etag;
                if (context.Request.Headers.IfNoneMatch.Contains(etag)) status = 304;
            }
        }
        log.Enqueue((path, status));
        context.Response.StatusCode = status;
        if (status == 200)
        {
            context.Response.ContentType = document!.ContentType;
            await context.Response.Body.WriteAsync(document.Body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is null) return;
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    private sealed record Document(string ContentType, byte[] Body, string? Location, int Status);
}
