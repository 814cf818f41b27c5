namespace Bot.Web.Tests.Hosting;

/// <summary>A host with Api:Keys configured: a reader key and an admin key.</summary>
public sealed class KeyedHostFixture : IAsyncLifetime
{
    public const string ReaderKey = "reader-key-0a9f";
    public const string AdminKey = "admin-key-77c1";

    private WebHost? host;

    public WebHost Host => host ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync() => host = await WebHost.StartAsync(
        "Api:Keys:0:Name=support-desk", $"Api:Keys:0:Key={ReaderKey}", "Api:Keys:0:Role=reader",
        "Api:Keys:1:Name=archivist", $"Api:Keys:1:Key={AdminKey}", "Api:Keys:1:Role=admin");

    public async ValueTask DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
    }
}
