using Bot.Answering.SemanticKernel.Answering;
using Bot.Answering.SemanticKernel.Plugins;
using Bot.Answering.SemanticKernel.Prompts;
using Bot.Answering.SemanticKernel.Rewriting;
using Bot.Core.Answering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Bot.Answering.SemanticKernel.Configuration;

public static class SemanticKernelAnsweringExtensions
{
    /// <summary>The host configuration key of the content root (generic host and ASP.NET Core alike).</summary>
    private const string ContentRootKey = "contentRoot";

    /// <summary>
    /// When <c>Llm:Provider</c> is set: checks the settings and loads the prompts (both fail here, at start-up,
    /// with a sentence naming the setting), then registers the Kernel with the provider's chat completion and
    /// the archive plugin, the generative <see cref="IAnswerer"/> and the <see cref="IQueryRewriter"/>.
    /// Without a provider nothing is registered and the extractive answerer stays in charge.
    /// The archive plugin needs the host's <see cref="Bot.Core.Retrieval.Retriever"/> and archive store.
    /// </summary>
    public static IServiceCollection AddSemanticKernelAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();
        if (options.ProviderName is null) return services;
        LlmOptionsValidator.ThrowIfInvalid(options);
        var prompts = PromptLibrary.Load(PromptLibrary.Locate(options.PromptsPath, configuration[ContentRootKey]));

        services.AddSingleton(options);
        services.AddSingleton(prompts);
        services.AddSingleton<IChatCompletionService>(sp => ChatCompletionFactory.Create(options, sp, sp.GetService<ILoggerFactory>()));
        services.AddSingleton<ArchivePlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<ArchivePlugin>(), ArchivePlugin.PluginName));
        services.AddKernel();
        services.AddSingleton<IAnswerer, SemanticKernelAnswerer>();
        services.AddSingleton<IQueryRewriter, SemanticKernelQueryRewriter>();
        return services;
    }
}
