using System.Text.Json.Nodes;

namespace Bot.Web.Tests.Hosting;

public sealed record ServerSentEvent(string Type, JsonNode Data);

/// <summary>Reads a text/event-stream body the way a browser's EventSource would (event and data fields).</summary>
public static class ServerSentEvents
{
    public static async Task<IReadOnlyList<ServerSentEvent>> ReadAllAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        return await ReadAllAsync(reader);
    }

    public static Task<IReadOnlyList<ServerSentEvent>> ParseAsync(string body) => ReadAllAsync(new StringReader(body));

    private static async Task<IReadOnlyList<ServerSentEvent>> ReadAllAsync(TextReader reader)
    {
        var events = new List<ServerSentEvent>();
        var type = "message";
        var data = new List<string>();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0) events.Add(new ServerSentEvent(type, JsonNode.Parse(string.Join('\n', data))!));
                (type, data) = ("message", []);
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal)) type = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Add(line[5..].TrimStart());
        }
        return events;
    }
}
