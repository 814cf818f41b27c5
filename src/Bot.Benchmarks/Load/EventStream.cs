using System.Text.Json.Nodes;

namespace Bot.Benchmarks.Load;

/// <summary>Reads the answer's text/event-stream: 'delta' events, then one 'final' event with the Answer.</summary>
internal static class EventStream
{
    /// <summary>The data of the 'final' event, or null when the stream ends without one.</summary>
    public static async Task<JsonNode?> FinalAsync(Stream body, CancellationToken cancellationToken)
    {
        await foreach (var (type, data) in EventsAsync(body, cancellationToken))
            if (type == "final") return JsonNode.Parse(data);
        return null;
    }

    /// <summary>Waits for the first event of any type.</summary>
    public static async Task FirstEventAsync(Stream body, CancellationToken cancellationToken)
    {
        await foreach (var _ in EventsAsync(body, cancellationToken)) return;
    }

    private static async IAsyncEnumerable<(string Type, string Data)> EventsAsync(Stream body,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        var (type, data) = ("message", new List<string>());
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0) yield return (type, string.Join('\n', data));
                (type, data) = ("message", []);
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal)) type = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Add(line[5..].TrimStart());
        }
    }
}
