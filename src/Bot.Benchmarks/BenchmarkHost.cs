using Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks;

/// <summary>The product's own composition over a temporary archive folder, deleted on dispose.</summary>
public sealed class BenchmarkHost : IDisposable
{
    private readonly ServiceProvider services;

    public BenchmarkHost(string? embeddingModel = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Folder = Directory.CreateTempSubdirectory("bot-bench-").FullName;
        var values = new Dictionary<string, string?>
        {
            [BotConfiguration.DataDirectoryKey] = Folder,
            [BotConfiguration.EmbeddingModelKey] = embeddingModel,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        services = new ServiceCollection().AddLogging().AddNewsBot(configuration).BuildServiceProvider();
    }

    public string Folder { get; }

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public void Dispose()
    {
        services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
