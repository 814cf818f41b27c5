using Bot.Core.Retrieval;
using Bot.Storage.Qdrant;
using Bot.Storage.Sqlite;
using Bot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Hosting.Tests;

/// <summary>Store:Provider picks the archive store; each one reads its own section.</summary>
public sealed class StoreSelectionTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddNewsArchive(configuration).BuildServiceProvider();
    }

    [Fact]
    public void The_embedded_store_is_the_default()
    {
        using var folder = new TempDirectory();
        using var services = Services(new() { ["Store:DataDirectory"] = folder.Path });
        var store = Assert.IsType<SqliteArchiveStore>(services.GetRequiredService<IArchiveStore>());
        Assert.StartsWith("sqlite " + folder.Path, store.Description);
        Assert.Null(services.GetService<QdrantArchiveStore>());
    }

    [Fact]
    public void Qdrant_is_configured_from_its_section_and_shares_the_fusion_weight_with_the_embedded_store()
    {
        using var services = Services(new()
        {
            ["Store:Provider"] = " Qdrant ",
            ["Store:DenseWeight"] = "0.45",
            ["Qdrant:Url"] = "https://qdrant.example:6333",
            ["Qdrant:Collection"] = "archive",
            ["Qdrant:HybridFusion"] = "rrf",
        });
        var store = services.GetRequiredService<IArchiveStore>();
        Assert.Same(services.GetRequiredService<QdrantArchiveStore>(), store);
        Assert.Equal("qdrant https://qdrant.example:6333/archive", store.Description);
        var options = services.GetRequiredService<IOptions<QdrantOptions>>().Value;
        Assert.Equal((0.45, QdrantHybridFusion.Rrf), (options.DenseWeight, options.HybridFusion));
    }

    [Fact]
    public void Bad_qdrant_settings_fail_with_every_problem_named()
    {
        using var services = Services(new() { ["Store:Provider"] = "qdrant", ["Qdrant:Url"] = "ftp://x", ["Qdrant:BatchSize"] = "0" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IArchiveStore>());
        Assert.Equal(2, error.Failures.Count());
    }

    [Fact]
    public void An_unknown_provider_is_a_clear_archive_error()
    {
        using var services = Services(new() { ["Store:Provider"] = "postgres" });
        var error = Assert.Throws<ArchiveException>(() => services.GetRequiredService<IArchiveStore>());
        Assert.Contains("Unknown Store:Provider 'postgres'", error.Message);
    }

    [Fact]
    public async Task Beside_a_qdrant_archive_sources_keep_their_state_in_the_data_folder()
    {
        using var folder = new TempDirectory();
        await using (var services = Services(new() { ["Store:Provider"] = "qdrant", ["Qdrant:Url"] = "https://qdrant.example:6334", ["Store:DataDirectory"] = folder.Path }))
        {
            var state = services.GetRequiredService<Bot.Core.Sources.ISourceStateStore>();
            await state.SaveStateAsync(Bot.Core.Sources.SourceState.New("wire") with { ConsecutiveFailures = 2 }, TestContext.Current.CancellationToken);
            Assert.Equal(2, (await state.GetStatesAsync(TestContext.Current.CancellationToken))["wire"].ConsecutiveFailures);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.True(File.Exists(Path.Combine(folder.Path, "sources.db")));
        Assert.False(File.Exists(Path.Combine(folder.Path, "archive.db")));
    }
}
