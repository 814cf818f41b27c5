using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Web.Tests.Hosting;

/// <summary>A second Kestrel server on 127.0.0.1 serving a news page, the web ingest's source.</summary>
public sealed class LocalSite : IAsyncDisposable
{
    /// <summary>A news page titled <paramref name="title"/>; its text is the same whatever the title.</summary>
    public static string Story(string title) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>{title} | Coastal Wire</title>
        <meta property="og:site_name" content="Coastal Wire">
        <meta property="og:title" content="{title}">
        <meta property="article:published_time" content="2019-06-03T08:00:00Z">
        </head><body>
        <nav><a href="/">Home</a> <a href="/ports">Ports</a></nav>
        <article>
        <h1>{title}</h1>
        <p>KALMORA (Coastal Wire) - Six harbour cranes returned to service in Kalmora on Monday after a two-year refit, the port authority said.</p>
        <p>The refit cost 40 million euros and was paid for by a regional development fund, according to harbour master Ilse Varnholt.</p>
        </article>
        <footer>Copyright Coastal Wire.</footer>
        </body></html>
        """;

    private readonly WebApplication app;

    private LocalSite(WebApplication app, Uri root, string title) => (this.app, Root, Title) = (app, root, title);

    public string Title { get; }

    public Uri Root { get; }

    public Uri StoryUrl => new(Root, "/ports/kalmora-cranes");

    public static async Task<LocalSite> StartAsync(string title)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/ports/kalmora-cranes", () => Results.Content(Story(title), "text/html; charset=utf-8"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LocalSite(app, new Uri(address), title);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
