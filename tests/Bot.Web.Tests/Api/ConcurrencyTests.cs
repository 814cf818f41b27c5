using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Web.Tests.Hosting;

namespace Bot.Web.Tests.Api;

/// <summary>
/// Many conversations at once on loopback: each asks about its own port, then a follow-up that only its own
/// history can resolve. A crossed conversation would search with, and cite, another port.
/// </summary>
public sealed class ConcurrencyTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    private const int Conversations = 50;
    private static readonly string[] Starts = ["Ka", "Lo", "Mi", "Ne", "Ru"];
    private static readonly string[] Ends = ["tavo", "rinth", "maru", "dessa", "lupe", "gor", "vanti", "sel", "quor", "bek"];
    private static readonly string[] Masters = ["Amara", "Bastien", "Corvin", "Delphine", "Emeric"];

    private sealed record Port(string City, int Containers, string Master)
    {
        public string Title => $"Port of {City} reports a record year";
        public string Question => $"How many containers did the port of {City} handle?";
    }

    private static readonly Port[] Ports = Enumerable.Range(0, Conversations)
        .Select(i => new Port(Starts[i % 5] + Ends[i / 5], 1000 + 37 * i, $"{Masters[i % 5]} {Starts[i % 5]}{Ends[i / 5]}son"))
        .ToArray();

    [Fact]
    public async Task Fifty_parallel_conversations_each_get_their_own_answers()
    {
        using var client = fixture.Host.Client();
        var lines = Ports.Select((p, i) => JsonSerializer.Serialize(new
        {
            title = p.Title,
            published = $"2019-05-{i % 28 + 1:00}",
            source = "Harbour Wire",
            text = $"The port of {p.City} handled {p.Containers} containers last year, a record. " +
                   $"Harbour master {p.Master} announced the figure on Monday. Officials expect further growth next year.",
        }));
        var ingest = await client.IngestFilesAsync(("ports.jsonl", string.Join('\n', lines)));
        Assert.Equal(Conversations, (int)ingest["report"]!["added"]!);

        var failures = await Task.WhenAll(Ports.Select((port, i) => Task.Run(() => ConverseAsync(client, port, streaming: i % 2 == 1))));
        Assert.Equal([], failures.OfType<string>());
    }

    /// <summary>Null when the conversation went right, else what went wrong.</summary>
    private static async Task<string?> ConverseAsync(HttpClient client, Port port, bool streaming)
    {
        var conversation = Guid.NewGuid().ToString("N");
        var first = await AskAsync(client, port.Question, conversation, streaming);
        if ((bool)first["abstained"]! || !((string)first["text"]!).Contains(port.Containers.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            return $"{port.City}: the answer does not give its figure: {first["text"]}";
        if ((string)first["citations"]![0]!["title"]! != port.Title)
            return $"{port.City}: the first citation is '{first["citations"]![0]!["title"]}'";

        var followUp = await AskAsync(client, "Who announced it?", conversation, streaming);
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
