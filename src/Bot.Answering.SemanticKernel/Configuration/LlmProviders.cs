namespace Bot.Answering.SemanticKernel.Configuration;

/// <summary>The values <c>Llm:Provider</c> accepts.</summary>
public static class LlmProviders
{
    public const string OpenAI = "openai";
    public const string AzureOpenAI = "azureopenai";
    public const string Ollama = "ollama";

    public static readonly IReadOnlyList<string> All = [OpenAI, AzureOpenAI, Ollama];

    public const string DefaultOllamaEndpoint = "http://localhost:11434";
}
