using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Answering.SemanticKernel.Tests.Support;

/// <summary>
/// A local stand-in for the providers' HTTP APIs on 127.0.0.1: OpenAI-style chat completions (OpenAI and Azure
/// OpenAI, streamed as server-sent events or whole) and Ollama's /api/chat (streamed as JSON lines). It records
/// every request and answers with scripted text, so the real SK connectors and OllamaSharp run end to end
/// without a network or a model.
/// </summary>
public sealed class FakeProviderServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Queue<string[]> replies = new();
    private readonly Task loop;

    public string BaseUrl { get; }
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers, JsonNode Body);

    public FakeProviderServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(BaseUrl);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The next request is answered with these pieces (one stream event each).</summary>
    public FakeProviderServer Reply(params string[] pieces)
    {
        lock (replies) replies.Enqueue(pieces);
        return this;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync()) ?? new JsonObject();
        var path = context.Request.Url!.PathAndQuery;
        var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new RecordedRequest(path, headers, body));

        string[] pieces;
        lock (replies) pieces = replies.Count > 0 ? replies.Dequeue() : ["(no scripted reply)"];
        var ollama = path.StartsWith("/api/chat", StringComparison.Ordinal);
        var stream = body["stream"]?.GetValue<bool>() ?? ollama;
        var response = context.Response;
        response.ContentType = ollama ? "application/x-ndjson" : stream ? "text/event-stream" : "application/json";
        var output = new StringBuilder();
        if (ollama && stream)
        {
            foreach (var piece in pieces) output.Append(OllamaLine(piece, done: false)).Append('\n');
            output.Append(OllamaLine("", done: true)).Append('\n');
        }
        else if (ollama) output.Append(OllamaLine(string.Concat(pieces), done: true));
        else if (stream)
        {
            foreach (var piece in pieces) output.Append("data: ").Append(OpenAIChunk(piece, null)).Append("\n\n");
            output.Append("data: ").Append(OpenAIChunk(null, "stop")).Append("\n\ndata: [DONE]\n\n");
        }
        else output.Append(OpenAICompletion(string.Concat(pieces)));

        var bytes = Encoding.UTF8.GetBytes(output.ToString());
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static string OpenAIChunk(string? content, string? finish) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake", @object = "chat.completion.chunk", created = 1_700_000_000, model = "fake",
        choices = new[] { new { index = 0, delta = content is null ? (object)new { } : new { role = "assistant", content }, finish_reason = finish } },
    });

    private static string OpenAICompletion(string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake", @object = "chat.completion", created = 1_700_000_000, model = "fake",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
    });

    private static string OllamaLine(string content, bool done) => JsonSerializer.Serialize(new
    {
        model = "fake", created_at = "2024-01-01T00:00:00Z", message = new { role = "assistant", content }, done,
        done_reason = done ? "stop" : null,
    });

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
