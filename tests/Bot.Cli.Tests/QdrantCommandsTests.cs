using System.Net;
using System.Net.Sockets;
using Bot.Testing;
using Bot.Testing.Qdrant;

namespace Bot.Cli.Tests;

/// <summary>The CLI's commands, unchanged, against Qdrant (the contract-checking fake) chosen by configuration only.</summary>
public sealed class QdrantCommandsTests
{
    [Fact]
    public async Task Ingest_search_ask_articles_and_stats_work_against_qdrant()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var bot = new BotProcess(new Dictionary<string, string> { ["Store:Provider"] = "qdrant", ["Qdrant:Url"] = server.Url.ToString() });
        var seeds = Path.Combine(SharedData.RepositoryRoot, "seeds");

        var ingest = await bot.JsonAsync("ingest", seeds, "--json");
        Assert.Equal(1, ingest.GetProperty("added").GetInt32());
        var chunks = ingest.GetProperty("chunks").GetInt32();
        Assert.True(chunks > 1, $"{chunks} chunks");

        var search = await bot.JsonAsync("search", "Who asked the United States for armed drones?", "--json");
        Assert.Equal("lexical", search.GetProperty("mode").GetString());
        var best = search.GetProperty("passages")[0];
        Assert.Contains("armed drones", best.GetProperty("chunk").GetProperty("text").GetString());
        Assert.Equal("Reuters", best.GetProperty("article").GetProperty("source").GetString());

        var answer = await bot.JsonAsync("ask", "Who asked the United States to arm its drones?", "--json");
        Assert.False(answer.GetProperty("abstained").GetBoolean());
        Assert.Contains("Mountari", answer.GetProperty("text").GetString());
        Assert.NotEqual(0, answer.GetProperty("citations").GetArrayLength());

        var list = await bot.JsonAsync("articles", "list", "--json");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var id = list.GetProperty("items")[0].GetProperty("id").GetString()!;
        var article = await bot.JsonAsync("articles", "show", id, "--json");
        var (start, end) = (best.GetProperty("chunk").GetProperty("start").GetInt32(), best.GetProperty("chunk").GetProperty("end").GetInt32());
        Assert.Equal(best.GetProperty("chunk").GetProperty("text").GetString(), article.GetProperty("text").GetString()![start..end]);

        var stats = await bot.JsonAsync("stats", "--json");
        Assert.Equal($"qdrant {server.Url.AbsoluteUri.TrimEnd('/')}/news", stats.GetProperty("store").GetString());
        Assert.Equal(1, stats.GetProperty("stats").GetProperty("articles").GetInt32());
        Assert.Equal(chunks, stats.GetProperty("stats").GetProperty("chunks").GetInt32());

        var again = await bot.JsonAsync("ingest", seeds, "--json");
        Assert.Equal((0, 1), (again.GetProperty("added").GetInt32(), again.GetProperty("unchanged").GetInt32()));

        Assert.Empty(server.Violations);
        Assert.Contains(server.Calls, c => c.Rpc.StartsWith("qdrant.Points/Query", StringComparison.Ordinal));
        Assert.Equal(1 + chunks, server.Engine.Collection("news")!.Points.Count);

        var (exit, output, _) = await bot.RunAsync("articles", "delete", id);
        Assert.Equal((0, $"Deleted {id}."), (exit, output.Trim()));
        Assert.Equal(0, (await bot.JsonAsync("stats", "--json")).GetProperty("stats").GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task An_unreachable_qdrant_is_one_clear_error_line()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var bot = new BotProcess(new Dictionary<string, string>
        {
            ["Store:Provider"] = "qdrant",
            ["Qdrant:Url"] = $"http://127.0.0.1:{port}",
            ["Qdrant:MaxRetries"] = "0",
        });

        var (exit, output, error) = await bot.RunAsync("stats");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.StartsWith($"error: Qdrant is unreachable at http://127.0.0.1:{port}/", error);
        Assert.Contains("Check Qdrant:Url", error);
        Assert.DoesNotContain("   at ", error); // no stack trace
    }
}
