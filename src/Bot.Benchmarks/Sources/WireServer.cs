using System.Globalization;
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

namespace Bot.Benchmarks.Sources;

/// <summary>
/// A wire service on Kestrel at 127.0.0.1: an RSS feed of <c>count</c> stories and the story pages, each page
/// about 1.5 KB of text. An edition number changes chosen stories; <see cref="Validators"/> turns ETags (and so
/// 304 answers) on or off, as real servers differ.
/// </summary>
internal sealed class WireServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly int count;
    private readonly int[] editions;
    private int feedEdition;
    private long pagesServed;

    private WireServer(WebApplication app, int count) => (this.app, this.count, editions) = (app, count, new int[count + 1]);

    public Uri Root { get; private set; } = null!;
    public bool Validators { get; set; } = true;
    /// <summary>Story pages sent with their body (a 304 sends none).</summary>
    public long PagesServed => Interlocked.Read(ref pagesServed);

    public static async Task<WireServer> StartAsync(int count)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new WireServer(builder.Build(), count);
        server.app.MapGet("/feed.xml", (HttpContext http) => server.Answer(http, "application/rss+xml", server.Feed()));
        server.app.MapGet("/story/{n:int}", (HttpContext http, int n) =>
        {
            if (n < 1 || n > count) return Results.NotFound();
            var answer = server.Answer(http, "text/html; charset=utf-8", Page(n, server.editions[n]));
            if (http.Response.StatusCode != 304 && answer is not IStatusCodeHttpResult { StatusCode: 304 }) Interlocked.Increment(ref server.pagesServed);
            return answer;
        });
        await server.app.StartAsync();
        server.Root = new Uri(server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return server;
    }

    /// <summary>Rewrites every <paramref name="every"/>-th story (and so the feed).</summary>
    public void Change(int every)
    {
        for (var n = every; n <= count; n += every) editions[n]++;
        feedEdition++;
    }

    /// <summary>A new feed document (a fresh build date) listing the same stories.</summary>
    public void TouchFeed() => feedEdition++;

    private IResult Answer(HttpContext http, string type, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        if (!Validators) return Results.Bytes(bytes, type);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"";
        http.Response.Headers.ETag = etag;
        return http.Request.Headers.IfNoneMatch.Contains(etag) ? Results.StatusCode(304) : Results.Bytes(bytes, type);
    }

    private string Feed()
    {
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var items = new StringBuilder();
        for (var n = count; n >= 1; n--)
            items.Append(CultureInfo.InvariantCulture, $"""
                <item><title>Port report {n}</title><link>{Root}story/{n}</link><guid>{Root}story/{n}</guid>
                <pubDate>{start.AddMinutes(n).ToString("R", CultureInfo.InvariantCulture)}</pubDate><category>Ports</category></item>
                """);
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Benchmark Wire</title><link>{Root}</link><description>edition {feedEdition}</description>
            {items}</channel></rss>
            """;
    }

    private static string Page(int n, int edition) => $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Port report {n}</title></head><body>
        <nav><a href="/">Home</a></nav><article><h1>Port report {n}</h1>
        <p>ROTTERDAM (Benchmark Wire) - Terminal {n} handled {1000 + n * 7} containers on Monday, edition {edition} of the report said, as operators cleared a backlog left by the storm.</p>
        <p>Crane crews worked double shifts at berth {n % 40}, and the harbour master said the waiting time for ships fell to {n % 9 + 1} hours from two days.</p>
        <p>Shipping lines had diverted {n % 13} vessels to nearby ports during the closure, according to the port authority, which expects normal traffic by Friday.</p>
        <p>Freight rates on the route rose {n % 5 + 1} percent in the week, brokers said, while insurers reviewed claims for damaged cargo at terminal {n}.</p>
        </article><footer>Benchmark Wire</footer></body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
