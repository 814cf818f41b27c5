using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Tests.Articles;

/// <summary>A real Kestrel server on 127.0.0.1 (free port) serving the pages the web reader tests need.</summary>
internal sealed class LocalSite : IAsyncDisposable
{
    public const int LargeBodyBytes = 50_000;

    private readonly WebApplication app;

    private int requests;

    private LocalSite(WebApplication app, Uri root) => (this.app, Root) = (app, root);

    public Uri Root { get; }

    /// <summary>Requests the server has received, so a test can prove a refused URL was never fetched.</summary>
    public int Requests => Volatile.Read(ref requests);

    public Uri this[string path] => new(Root, path);

    public static async Task<LocalSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LocalSite? site = null;
        app.Use(async (context, next) =>
        {
            if (site is not null) Interlocked.Increment(ref site.requests);
            await next(context);
        });

        app.MapGet("/story", () => Results.Content(TestPages.Story, "text/html; charset=utf-8"));
        app.MapGet("/plain-page", () => Results.Content(
            "<html><head><title>Local story</title></head><body><p>Agadez (Reuters) - A short local story about the drone base.</p></body></html>",
            "text/html"));
        app.MapGet("/moved", () => Results.Redirect("/plain-page"));
        app.MapGet("/to-other-loopback", (HttpContext context) => Results.Redirect($"http://127.0.0.2:{context.Connection.LocalPort}/story"));
        app.MapGet("/to-ftp", () => Results.Redirect("ftp://127.0.0.1/story.txt"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/report.pdf", () => Results.Bytes(Bot.Testing.TestPdfs.ThreePageStory(), "application/pdf"));
        app.MapGet("/download", () => Results.Bytes(Bot.Testing.TestPdfs.ThreePageStory(), "application/octet-stream"));
        app.MapGet("/data.json", () => Results.Json(new { text = "not a page" }));
        app.MapGet("/large", () => Results.Content("<html><body><p>" + new string('x', LargeBodyBytes) + "</p></body></html>", "text/html"));
        app.MapGet("/large-chunked", async (HttpContext context) =>
        {
            // No Content-Length: the reader must notice the size while reading.
            context.Response.ContentType = "text/html";
            var chunk = "<p>" + new string('y', 4_000) + "</p>";
            for (var i = 0; i < LargeBodyBytes / 4_000 + 2; i++)
            {
                await context.Response.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });
        app.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted);
            return Results.Content("<p>too late</p>", "text/html");
        });

        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        site = new LocalSite(app, new Uri(address));
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
