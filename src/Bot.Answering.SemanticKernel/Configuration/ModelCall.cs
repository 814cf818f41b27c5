using Microsoft.SemanticKernel;

namespace Bot.Answering.SemanticKernel.Configuration;

/// <summary>What every call to the model shares: its sampling settings and its time limit.</summary>
public static class ModelCall
{
    /// <summary>
    /// Provider-neutral settings: the OpenAI and Azure connectors and the IChatClient bridge (Ollama) all read
    /// "temperature" and "max_tokens" from the extension data.
    /// </summary>
    public static PromptExecutionSettings Settings(double temperature, int maxTokens) => new()
    {
        ExtensionData = new Dictionary<string, object>
        {
            ["temperature"] = temperature,
            ["max_tokens"] = maxTokens,
        },
    };

    /// <summary>A token that also cancels after <see cref="LlmOptions.Timeout"/>.</summary>
    public static CancellationTokenSource Limit(LlmOptions options, CancellationToken cancellationToken)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Timeout);
        return limit;
    }

    /// <summary>
    /// True when <paramref name="error"/> is the time limit (ours or the HTTP client's) rather than the caller
    /// giving up.
    /// </summary>
    public static bool IsTimeout(Exception error, CancellationToken caller) =>
        error is OperationCanceledException or TimeoutException && !caller.IsCancellationRequested;

    public static TimeoutException TimedOut(LlmOptions options, Exception inner) =>
        new($"The language model ({options.ModelLabel}) did not answer within {options.Timeout} (Llm:Timeout).", inner);
}
