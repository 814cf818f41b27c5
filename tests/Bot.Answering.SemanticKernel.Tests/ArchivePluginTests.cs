using Bot.Answering.SemanticKernel.Plugins;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;
using Bot.Storage.Sqlite;
using Bot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using static Bot.Answering.SemanticKernel.Tests.Support.NewsFixture;

namespace Bot.Answering.SemanticKernel.Tests;

/// <summary>The archive plugin over a real SQLite archive, called the way SK calls it (arguments as text).</summary>
public sealed class ArchivePluginTests : IAsyncLifetime
{
    private readonly TempDirectory folder = new();
    private Kernel kernel = new();
    private KernelPlugin plugin = null!;

    public async ValueTask InitializeAsync()
    {
        var store = new SqliteArchiveStore(Options.Create(new SqliteArchiveOptions { DataDirectory = folder.Path }));
        await store.InitializeAsync(null);
        await store.SaveAsync(All.Select(a => IndexedArticle.Lexical(a, Chunks(a, sentencesPerChunk: 1))).ToList());
        var archive = new ArchivePlugin(new Retriever(store, Options.Create(new RetrievalOptions())), store);
        plugin = KernelPluginFactory.CreateFromObject(archive, ArchivePlugin.PluginName);
        kernel = new Kernel(plugins: [plugin]);
    }

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string> CallAsync(string function, KernelArguments arguments) =>
        (await kernel.InvokeAsync(plugin[function], arguments)).GetValue<string>()!;

    [Fact]
    public async Task Search_returns_numbered_passages_with_their_article_ids()
    {
        var text = await CallAsync("search_archive", new() { ["query"] = "soldiers killed ambush Niger", ["top"] = "2" });

        var lines = text.Split('\n');
        Assert.StartsWith($"[1] article {Niger.Id}: {Niger.Title} (2017-10-05, Reuters)", lines[0]);
        Assert.Contains(ChunkOf(Niger, 0, sentencesPerChunk: 1).Text, text);
        Assert.DoesNotContain("[3]", text);
    }

    [Fact]
    public async Task Search_filters_by_date_and_source()
    {
        var november = await CallAsync("search_archive", new() { ["query"] = "Niger", ["from"] = "2017-11-01", ["to"] = "2017-11-01" });
        var byAp = await CallAsync("search_archive", new() { ["query"] = "Niger", ["source"] = "AP" });

        Assert.Contains($"article {Drones.Id}", november);
        Assert.DoesNotContain($"article {Niger.Id}", november);
        Assert.Equal("No passages found.", byAp);
    }

    [Theory]
    [InlineData("from", "31/10/2017", "from '31/10/2017' is not a date; write it as yyyy-MM-dd")]
    [InlineData("top", "50", "top must be between 1 and 20, not 50")]
    [InlineData("query", " ", "query is empty")]
    public async Task Bad_arguments_get_a_clear_error(string name, string value, string expected)
    {
        var arguments = new KernelArguments { ["query"] = "Niger", [name] = value };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CallAsync("search_archive", arguments));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Get_article_returns_the_whole_article()
    {
        var text = await CallAsync("get_article", new() { ["id"] = Senate.Id });

        Assert.StartsWith($"article {Senate.Id}: {Senate.Title} (2017-10-20, Reuters)\n{Senate.Url}\n\n", text);
        Assert.EndsWith(Senate.Text, text);
        Assert.Equal("No article with id 'missing'.", await CallAsync("get_article", new() { ["id"] = "missing" }));
    }

    [Fact]
    public void The_functions_describe_themselves_to_the_model()
    {
        var search = plugin["search_archive"].Metadata;

        Assert.False(string.IsNullOrWhiteSpace(search.Description));
        Assert.Equal(["query", "top", "from", "to", "source"], search.Parameters.Select(p => p.Name));
        Assert.True(search.Parameters[0].IsRequired);
        Assert.False(search.Parameters[1].IsRequired);
    }
}
