using System.Net.Http.Headers;
using Bot.Testing;
using Bot.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Web.Tests.Hosting;

/// <summary>
/// The real web host (the same <see cref="BotWebApp"/> Program runs) on Kestrel at 127.0.0.1 with a free port,
/// a fresh archive in a temporary folder and the repository's seed articles; fetches may reach 127.0.0.1.
/// </summary>
public sealed class WebHost : IAsyncDisposable
{
    public const string SeedQuestion = "Who asked the United States to arm its drones?";

    private readonly WebApplication app;
    private readonly TempDirectory? data;

    private WebHost(WebApplication app, TempDirectory? data, string dataDirectory, Uri address) =>
        (this.app, this.data, DataDirectory, Address) = (app, data, dataDirectory, address);

    public Uri Address { get; }

    /// <summary>The archive folder (Store:DataDirectory).</summary>
    public string DataDirectory { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="settings">Extra configuration as "Key=value" pairs (e.g. "Api:Keys:0:Key=secret").</param>
    public static Task<WebHost> StartAsync(params string[] settings) => StartAsync(null, null, settings);

    /// <param name="configure">Changes to the services before the host is built (a test clock, say).</param>
    /// <param name="dataDirectory">An archive folder the caller owns and keeps (to restart a host on it); null: a fresh one.</param>
    public static async Task<WebHost> StartAsync(Action<WebApplicationBuilder>? configure, string? dataDirectory, params string[] settings)
    {
        var data = dataDirectory is null ? new TempDirectory() : null;
        dataDirectory ??= data!.Path;
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Store:DataDirectory={dataDirectory}",
            $"--Seeds:Path={Path.Combine(SharedData.RepositoryRoot, "seeds")}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore=Error",
            // The tests' pages, feeds and sitemaps are served by Kestrel on loopback, which the bot otherwise refuses.
            "--Ingest:AllowedHosts:0=127.0.0.1",
            "--Ingest:HostDelay=00:00:00",
            .. settings.Select(s => "--" + s),
        ];
        var app = BotWebApp.Create(args, configure);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            data?.Dispose();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebHost(app, data, dataDirectory, new Uri(address));
    }

    /// <summary>A client for the host; with <paramref name="apiKey"/> it sends that key in X-Api-Key.</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (apiKey is not null) client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data?.Dispose();
    }
}
