using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Bot.Answering.SemanticKernel.Tests.Support;

/// <summary>
/// A stand-in for the language model: records every request (messages and options) and answers each with
/// the next scripted reply, streamed in the scripted pieces. Reached through SK's IChatClient bridge, the same
/// path Ollama takes.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly Queue<Func<CancellationToken, IAsyncEnumerable<string>>> replies = new();

    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    /// <summary>The next request is answered with <paramref name="pieces"/>, streamed one by one.</summary>
    public ScriptedChatClient Reply(params string[] pieces)
    {
        replies.Enqueue(_ => pieces.ToAsyncEnumerable());
        return this;
    }

    /// <summary>The next request fails with <paramref name="error"/>.</summary>
    public ScriptedChatClient Fail(Exception error)
    {
        replies.Enqueue(_ => throw error);
        return this;
    }

    /// <summary>The next request streams <paramref name="first"/> and then never answers until cancelled.</summary>
    public ScriptedChatClient Hang(string first = "")
    {
        replies.Enqueue(ct => HangAsync(first, ct));
        return this;
    }

    public IReadOnlyList<ChatMessage> LastMessages => Requests[^1].Messages;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var text = string.Concat(await Next(messages, options)(cancellationToken).ToListAsync(cancellationToken));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var piece in Next(messages, options)(cancellationToken).WithCancellation(cancellationToken))
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }

    private Func<CancellationToken, IAsyncEnumerable<string>> Next(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        Requests.Add((messages.ToList(), options));
        Assert.True(replies.Count > 0, "The model was called more often than the test scripted.");
        return replies.Dequeue();
    }

    private static async IAsyncEnumerable<string> HangAsync(string first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (first.Length > 0) yield return first;
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
