using Bot.Answering.SemanticKernel.Answering;
using Bot.Answering.SemanticKernel.Configuration;
using Bot.Answering.SemanticKernel.Prompts;
using Bot.Answering.SemanticKernel.Rewriting;
using Bot.Core.Answering;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Bot.Answering.SemanticKernel.Tests.Support;

/// <summary>A kernel whose chat completion is the scripted model, with the repository's prompt files.</summary>
public static class TestKernel
{
    public static PromptLibrary Prompts { get; } = PromptLibrary.Load(PromptLibrary.Locate(null, AppContext.BaseDirectory));

    public static LlmOptions Options(Action<LlmOptions>? change = null)
    {
        var options = new LlmOptions { Provider = "ollama", Model = "scripted" };
        change?.Invoke(options);
        return options;
    }

    public static Kernel Create(IChatClient model)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatCompletionService>(sp => model.AsChatCompletionService(sp));
        return builder.Build();
    }

    public static SemanticKernelAnswerer Answerer(IChatClient model, LlmOptions? options = null) =>
        new(Create(model), Prompts, options ?? Options(), NullLogger<SemanticKernelAnswerer>.Instance);

    public static SemanticKernelQueryRewriter Rewriter(IChatClient model, LlmOptions? options = null) =>
        new(Create(model), Prompts, options ?? Options(), NullLogger<SemanticKernelQueryRewriter>.Instance);

    /// <summary>Runs the answerer to the end and returns everything it streamed.</summary>
    public static async Task<List<AnswerUpdate>> RunAsync(IAnswerer answerer, AnswerContext context)
    {
        var updates = new List<AnswerUpdate>();
        await foreach (var update in answerer.AnswerAsync(context, TestContext.Current.CancellationToken)) updates.Add(update);
        return updates;
    }

    public static Answer Final(IEnumerable<AnswerUpdate> updates) => Assert.Single(updates.OfType<AnswerFinal>()).Answer;
}
