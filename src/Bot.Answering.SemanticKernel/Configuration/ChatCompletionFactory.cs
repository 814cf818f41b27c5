using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OllamaSharp;
using OpenAI;

namespace Bot.Answering.SemanticKernel.Configuration;

/// <summary>The chat completion service for <c>Llm:Provider</c>; Ollama goes through OllamaSharp's IChatClient.</summary>
public static class ChatCompletionFactory
{
    public static IChatCompletionService Create(LlmOptions options, IServiceProvider services, ILoggerFactory? loggerFactory)
    {
        LlmOptionsValidator.ThrowIfInvalid(options);
        // The HTTP client's own limit matches ours, so a hung connection ends at Llm:Timeout too.
        var http = new HttpClient { Timeout = options.Timeout };
        return options.ProviderName switch
        {
            LlmProviders.OpenAI when string.IsNullOrWhiteSpace(options.Endpoint) =>
                new OpenAIChatCompletionService(options.Model!, options.ApiKey!, null, http, loggerFactory),
            LlmProviders.OpenAI =>
                new OpenAIChatCompletionService(options.Model!, OpenAICompatible(options, http), loggerFactory),
            LlmProviders.AzureOpenAI =>
                new AzureOpenAIChatCompletionService(options.Deployment!, options.Endpoint!, options.ApiKey!, options.Model, http, loggerFactory),
            LlmProviders.Ollama => OllamaChat(options, http).AsChatCompletionService(services),
            _ => throw new InvalidOperationException("No language model is configured (Llm:Provider is empty)."),
        };
    }

    /// <summary>An OpenAI-compatible server at <c>Llm:Endpoint</c> (vLLM, LM Studio, a proxy).</summary>
    private static OpenAIClient OpenAICompatible(LlmOptions options, HttpClient http) =>
        new(new ApiKeyCredential(options.ApiKey!), new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            Transport = new HttpClientPipelineTransport(http),
        });

    private static IChatClient OllamaChat(LlmOptions options, HttpClient http)
    {
        http.BaseAddress = new Uri(string.IsNullOrWhiteSpace(options.Endpoint) ? LlmProviders.DefaultOllamaEndpoint : options.Endpoint);
        return new OllamaApiClient(http, options.Model!);
    }
}
