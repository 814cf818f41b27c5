using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Bot.Benchmarks.Load;

/// <summary>
/// One simulated desk user: asks about its own port, then the follow-up only that question can resolve, in
/// one conversation; plain JSON or Server-Sent Events; or, as a client that gives up, hangs up mid-stream.
/// Every answer is checked against the conversation's own port.
/// </summary>
internal sealed class Conversation(HttpClient client, Ports.Port port, LoadResult result)
{
    public async Task RunAsync(bool streamed, bool hangUp, CancellationToken cancellationToken)
    {
        result.Started();
        var id = Guid.NewGuid().ToString("N");
        if (hangUp)
        {
            await HangUpAsync(id, cancellationToken);
            return;
        }
        var first = await AskAsync(port.Question, id, streamed, cancellationToken);
        if (first is null) return;
        if ((bool?)first["abstained"] != false || !((string?)first["text"] ?? "").Contains(port.ContainersText, StringComparison.Ordinal)
            || Title(first) != port.Title)
        {
            result.Error($"{port.City}: the first answer does not give its figure: {first["text"]}");
            return;
        }
        var followUp = await AskAsync(Ports.FollowUp, id, streamed, cancellationToken);
        if (followUp is null) return;
        // The follow-up is searched with the history it was given: another port's question there is a crossed
        // conversation, no question of this port a forgotten one.
        var searched = (string?)followUp["retrievalQuery"] ?? "";
        var answered = $"{port.City}'s follow-up answered '{followUp["text"]}' (searched '{searched}')";
        if (Ports.All.Any(other => other != port && searched.Contains(other.Question, StringComparison.Ordinal)))
            result.CrossedFollowUp(answered);
        else if (!searched.Contains(port.Question, StringComparison.Ordinal))
            result.LostFollowUp(answered);
        else if (Title(followUp) != port.Title || !((string?)followUp["text"] ?? "").Contains(port.Master, StringComparison.Ordinal))
            result.Error("wrong answer: " + answered);
    }

    private static string? Title(JsonNode answer) => (string?)answer["citations"]?.AsArray().FirstOrDefault()?["title"];

    /// <summary>The final answer, or null after recording why there is none.</summary>
    private async Task<JsonNode?> AskAsync(string question, string conversationId, bool streamed, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.PostAsJsonAsync("/api/ask", new { question, conversationId, stream = streamed },
                cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                result.Error($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                return null;
            }
            var answer = streamed
                ? await EventStream.FinalAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken)
                : JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (answer is null)
            {
                result.Error($"{port.City}: the stream ended without a final answer");
                return null;
            }
            result.Answered(clock.Elapsed);
            return answer;
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            result.Error($"{port.City}: {e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    /// <summary>Starts a streamed answer and drops the connection once the first event has arrived.</summary>
    private async Task HangUpAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask")
        {
            Content = JsonContent.Create(new { question = port.Question, conversationId, stream = true }),
        };
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                result.Error($"{(int)response.StatusCode} on a stream about to be dropped");
                return;
            }
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await EventStream.FirstEventAsync(body, cancellationToken);
            result.Disconnected();
            // Disposing the response mid-stream resets the connection: the host must cope with that.
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            result.Error($"{port.City}: {e.GetType().Name} before hanging up: {e.Message}");
        }
    }
}
