namespace Bot.Web.Tests.Hosting;

/// <summary>One host for every test of a class: a fresh archive with the seeds, shared by the class's tests (they add to it).</summary>
public sealed class WebHostFixture : IAsyncLifetime
{
    private WebHost? host;

    public WebHost Host => host ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync() => host = await WebHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
    }
}
