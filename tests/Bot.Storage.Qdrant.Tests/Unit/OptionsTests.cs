using Bot.Core.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Qdrant.Tests.Unit;

public sealed class OptionsTests
{
    [Fact]
    public void The_qdrant_section_binds_and_the_store_resolves_as_a_singleton()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Qdrant:Url"] = "https://qdrant.example:6334",
            ["Qdrant:ApiKey"] = "secret",
            ["Qdrant:Collection"] = "archive",
            ["Qdrant:Timeout"] = "00:00:05",
            ["Qdrant:MaxParallelUploads"] = "2",
            ["Qdrant:HybridFusion"] = "rrf",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddQdrantArchiveStore(configuration).BuildServiceProvider();
        Assert.Contains(services.GetRequiredService<IOptions<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>>().Value.Registrations,
            r => r.Name == "qdrant" && r.Tags.Contains("ready"));

        IArchiveStore store = services.GetRequiredService<QdrantArchiveStore>();
        Assert.Same(store, services.GetRequiredService<QdrantArchiveStore>());
        Assert.Null(services.GetService<IArchiveStore>()); // the host chooses the store
        Assert.Equal("qdrant https://qdrant.example:6334/archive", store.Description);
        var options = services.GetRequiredService<IOptions<QdrantOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(5), 2, "secret"), (options.Timeout, options.MaxParallelUploads, options.ApiKey));
        Assert.Equal(QdrantHybridFusion.Rrf, options.HybridFusion);
    }

    [Fact]
    public void Bad_settings_are_all_reported_at_once()
    {
        var options = new QdrantOptions
        {
            Url = new Uri("ftp://x"), Collection = "bad/name", BatchSize = 1000, Timeout = TimeSpan.Zero, DenseWeight = 1.5,
            HybridFusion = (QdrantHybridFusion)7,
        };
        var error = Assert.Throws<OptionsValidationException>(() => new QdrantArchiveStore(Options.Create(options)));
        Assert.Equal(6, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("Qdrant:BatchSize"));
        Assert.Contains(error.Failures, f => f.Contains("Store:DenseWeight"));
        Assert.Contains(error.Failures, f => f.Contains("'score' or 'rrf'"));
    }

    [Fact]
    public void Defaults_are_valid_and_fuse_scores_like_the_embedded_store()
    {
        var options = new QdrantOptions();
        Assert.Empty(options.Problems());
        Assert.Equal((QdrantHybridFusion.Score, RankFusion.DefaultDenseWeight), (options.HybridFusion, options.DenseWeight));
        Assert.Equal(new Uri("http://localhost:6334"), options.Url); // Qdrant's gRPC port
    }

    [Fact]
    public void The_channel_pools_http2_connections_and_bounds_what_it_receives()
    {
        var options = new QdrantOptions { Timeout = TimeSpan.FromSeconds(7) };
        using var handler = Connection.QdrantConnection.CreateHandler(options);
        Assert.Equal(TimeSpan.FromMinutes(5), handler.PooledConnectionLifetime); // DNS changes stay visible
        Assert.True(handler.EnableMultipleHttp2Connections);
        Assert.Equal(TimeSpan.FromSeconds(7), handler.ConnectTimeout);
        Assert.True(handler.KeepAlivePingDelay > TimeSpan.Zero);
        using var channel = Connection.QdrantConnection.Create(options);
        Assert.True(Connection.QdrantConnection.MaxReceiveBytes > Writing.ArticleWriter.MaxRequestBytes, "a stored article can be read back");
    }
}
