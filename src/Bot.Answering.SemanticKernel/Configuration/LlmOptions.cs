namespace Bot.Answering.SemanticKernel.Configuration;

/// <summary>
/// The language model behind the generative answerer (configuration section "Llm"). Secrets come from
/// <c>dotnet user-secrets</c> or the environment (<c>Llm__ApiKey</c>) and never appear in <see cref="ToString"/> or logs.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>openai, azureopenai or ollama; empty or "none" means no model (the extractive answerer is used).</summary>
    public string? Provider { get; set; }

    /// <summary>Model name (openai: "gpt-4o-mini"; ollama: "llama3.1"); for Azure, optional, the deployment decides.</summary>
    public string? Model { get; set; }

    /// <summary>API key (openai, azureopenai). Secret.</summary>
    public string? ApiKey { get; set; }

    /// <summary>openai: optional OpenAI-compatible server; azureopenai: the resource endpoint; ollama: default http://localhost:11434.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>Sampling temperature, 0..2; low keeps answers close to the passages.</summary>
    public double Temperature { get; set; } = 0.1;

    /// <summary>Longest answer the model may write, in tokens.</summary>
    public int MaxAnswerTokens { get; set; } = 600;

    /// <summary>Budget for the passages in the prompt, in cl100k tokens; passages are packed best first.</summary>
    public int ContextTokens { get; set; } = 3000;

    /// <summary>How long one model call may take (hh:mm:ss).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Folder of the prompt files; default: "prompts" beside the app, under the content root, or at the repository root.</summary>
    public string? PromptsPath { get; set; }

    /// <summary>Recent turns given to the model for follow-ups.</summary>
    public int HistoryTurns { get; set; } = 3;

    /// <summary>The provider, normalised; null when no model is configured.</summary>
    public string? ProviderName =>
        string.IsNullOrWhiteSpace(Provider) || Provider.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)
            ? null
            : Provider.Trim().ToLowerInvariant();

    /// <summary>What the answers are labelled with: "openai/gpt-4o-mini", "azureopenai/my-deployment".</summary>
    public string ModelLabel => $"{ProviderName}/{(ProviderName == LlmProviders.AzureOpenAI ? Deployment : Model)}";

    /// <summary>The settings for logs: everything but the key, which shows only whether it is set.</summary>
    public override string ToString() =>
        $"Provider={ProviderName ?? "none"}, Model={Model}, Deployment={Deployment}, Endpoint={Endpoint}, " +
        $"ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set)")}, Temperature={Temperature}, " +
        $"MaxAnswerTokens={MaxAnswerTokens}, ContextTokens={ContextTokens}, Timeout={Timeout}, HistoryTurns={HistoryTurns}";
}
