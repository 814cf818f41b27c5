using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bot.Testing;
using Bot.Testing.Processes;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Api;

/// <summary>
/// The real CLI ingests the ISOT sample into the archive the host is answering from: both finish, and every
/// answer and search result given meanwhile shows whole articles only (each passage exactly its stored article's
/// text under its title, each quote verbatim).
/// </summary>
public sealed class IngestWhileAnsweringTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Questions =
    [
        WebHost.SeedQuestion, "What did the Senate vote on?", "Who won the election?", "What did the president say about taxes?",
        "Where did the protest take place?", "How many people were killed?",
    ];

    [Fact]
    public async Task An_ingest_by_the_cli_while_the_host_answers_shows_only_whole_articles()
    {
        var isot = SharedData.IsotSample;
        await using var host = await WebHost.StartAsync();
        using var client = host.Client();
        var before = (int)(await (await client.GetAsync("/api/articles?limit=1", Ct)).JsonAsync())["total"]!;

        await using var ingest = new ChildProcess("bot", ["ingest", isot, "--data", host.DataDirectory, "--json"], new Dictionary<string, string>());
        var exited = ingest.WaitForExitAsync(Patience, Ct);
        var (asked, searched) = (0, 0);
        for (var i = 0; !exited.IsCompleted; i++)
        {
            var question = Questions[i % Questions.Length];
            var answer = await (await client.PostAsJsonAsync("/api/ask", new { question }, Ct)).JsonAsync();
            await Answers.AssertQuotesAreVerbatimAsync(answer, client);
            Answers.AssertMarkersMatchCitations(answer);
            asked++;
            var search = await (await client.GetAsync($"/api/search?q={Uri.EscapeDataString(question)}&top=20", Ct)).JsonAsync();
            foreach (var passage in search["passages"]!.AsArray()) await AssertWholeAsync(passage!, client);
            searched++;
        }

        Assert.Equal(0, await exited);
        Assert.True(asked > 0, "the host answered while the ingest ran");
        var report = JsonNode.Parse(ingest.Output)!;
        var after = (int)(await (await client.GetAsync("/api/articles?limit=1", Ct)).JsonAsync())["total"]!;
        Assert.Equal(before + (int)report["added"]!, after);
        TestContext.Current.TestOutputHelper?.WriteLine($"{asked} answers and {searched} searches during the ingest of {(int)report["added"]!} articles");
    }

    private static async Task AssertWholeAsync(JsonNode passage, HttpClient client)
    {
        var chunk = passage["chunk"]!;
        var article = await (await client.GetAsync($"/api/articles/{(string)chunk["articleId"]!}", Ct)).JsonAsync();
        var text = (string)article["text"]!;
        Assert.Equal(text[(int)chunk["start"]!..(int)chunk["end"]!], (string)chunk["text"]!);
        Assert.Equal((string)article["title"]!, (string)passage["article"]!["title"]!);
    }
}
