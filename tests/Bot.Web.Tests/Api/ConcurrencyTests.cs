using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bot.Benchmarks.Load;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Api;

/// <summary>
/// Many conversations at once on loopback: each asks about its own port, then a follow-up that only its own
/// history can resolve (the load benchmark's ports). A crossed conversation would search with, and cite, another port.
/// </summary>
public sealed class ConcurrencyTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task Fifty_parallel_conversations_each_get_their_own_answers()
    {
        using var client = fixture.Host.Client();
        var ingest = await client.IngestFilesAsync(("ports.jsonl", Ports.Jsonl()));
        Assert.Equal(Ports.All.Count, (int)ingest["report"]!["added"]!);

        var failures = await Task.WhenAll(Ports.All.Select((port, i) => Task.Run(() => ConverseAsync(client, port, streaming: i % 2 == 1))));
        Assert.Equal([], failures.OfType<string>());
    }

    /// <summary>Null when the conversation went right, else what went wrong.</summary>
    private static async Task<string?> ConverseAsync(HttpClient client, Ports.Port port, bool streaming)
    {
        var conversation = Guid.NewGuid().ToString("N");
        var first = await AskAsync(client, port.Question, conversation, streaming);
        if ((bool)first["abstained"]! || !((string)first["text"]!).Contains(port.ContainersText, StringComparison.Ordinal))
            return $"{port.City}: the answer does not give its figure: {first["text"]}";
        if ((string)first["citations"]![0]!["title"]! != port.Title)
            return $"{port.City}: the first citation is '{first["citations"]![0]!["title"]}'";

        var followUp = await AskAsync(client, Ports.FollowUp, conversation, streaming);
        if (!((string)followUp["retrievalQuery"]!).Contains(port.Question, StringComparison.Ordinal))
            return $"{port.City}: the follow-up was searched as '{followUp["retrievalQuery"]}'";
        if ((string)followUp["citations"]![0]!["title"]! != port.Title || !((string)followUp["text"]!).Contains(port.Master, StringComparison.Ordinal))
            return $"{port.City}: the follow-up answered '{followUp["text"]}'";
        return null;
    }

    private static async Task<JsonNode> AskAsync(HttpClient client, string question, string conversation, bool streaming)
    {
        using var response = await client.PostAsJsonAsync("/api/ask",
            new { question, conversationId = conversation, stream = streaming }, TestContext.Current.CancellationToken);
        if (!streaming) return await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await ServerSentEvents.ReadAllAsync(response);
        Assert.Equal("final", events[^1].Type);
        return events[^1].Data;
    }
}
