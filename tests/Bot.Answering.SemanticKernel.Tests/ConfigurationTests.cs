using Bot.Answering.SemanticKernel.Answering;
using Bot.Answering.SemanticKernel.Configuration;
using Bot.Answering.SemanticKernel.Rewriting;
using Bot.Answering.SemanticKernel.Tests.Support;
using Bot.Core.Answering;
using Bot.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Bot.Answering.SemanticKernel.Tests;

public sealed class ConfigurationTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Secret = "sk-test-DO-NOT-LOG-4242";
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private ServiceProvider Build(Dictionary<string, string?> settings, CapturingLoggerProvider? logs = null, IChatClient? model = null)
    {
        var services = TestHost.Services(settings, data.Path, logs);
        if (model is not null)
            services.AddSingleton<IChatCompletionService>(sp => model.AsChatCompletionService(sp));
        return services.BuildServiceProvider();
    }

    private static Dictionary<string, string?> OpenAI(string? key = Secret) => new()
    {
        ["Llm:Provider"] = "openai", ["Llm:Model"] = "gpt-4o-mini", ["Llm:ApiKey"] = key,
    };

    private static string ErrorFor(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSemanticKernelAnswering(configuration)).Message;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("none")]
    public void Without_a_provider_nothing_is_registered(string? provider)
    {
        using var services = Build(new() { ["Llm:Provider"] = provider });

        Assert.Null(services.GetService<IAnswerer>());
        Assert.Null(services.GetService<IQueryRewriter>());
        Assert.Null(services.GetService<Kernel>());
    }

    [Fact]
    public void A_missing_key_is_named_with_where_to_put_it()
    {
        var message = ErrorFor(OpenAI(key: null));

        Assert.Contains("Llm:Provider is openai but Llm:ApiKey is not set", message);
        Assert.Contains("Llm__ApiKey", message);
    }

    [Theory]
    [InlineData("azureopenai", "Llm:Provider is azureopenai but Llm:Endpoint is not set")]
    [InlineData("azureopenai", "Llm:Provider is azureopenai but Llm:Deployment is not set")]
    [InlineData("ollama", "Llm:Provider is ollama but Llm:Model is not set")]
    [InlineData("gemini", "Llm:Provider 'gemini' is not supported; use openai, azureopenai, ollama")]
    public void Missing_settings_are_each_named(string provider, string expected)
    {
        Assert.Contains(expected, ErrorFor(new() { ["Llm:Provider"] = provider, ["Llm:ApiKey"] = "k" }));
    }

    [Theory]
    [InlineData("Llm:Timeout", "60", "Llm:Timeout 60.00:00:00 must be more than zero and at most 00:10:00")]
    [InlineData("Llm:Temperature", "3", "Llm:Temperature 3 is outside 0..2")]
    [InlineData("Llm:ContextTokens", "50", "Llm:ContextTokens 50 is too small")]
    [InlineData("Llm:Endpoint", "localhost:8080", "Llm:Endpoint 'localhost:8080' is not an absolute http(s) URL")]
    public void Bad_values_are_named(string key, string value, string expected)
    {
        var settings = OpenAI();
        settings[key] = value;

        Assert.Contains(expected, ErrorFor(settings));
    }

    [Theory]
    [InlineData("openai", typeof(OpenAIChatCompletionService))]
    [InlineData("azureopenai", typeof(AzureOpenAIChatCompletionService))]
    [InlineData("ollama", null)]
    public void Each_provider_gets_its_chat_completion_in_the_kernel(string provider, Type? expected)
    {
        using var services = Build(new()
        {
            ["Llm:Provider"] = provider, ["Llm:Model"] = "m1", ["Llm:ApiKey"] = Secret,
            ["Llm:Endpoint"] = "https://example.openai.azure.com/", ["Llm:Deployment"] = "d1",
        });

        var chat = services.GetRequiredService<Kernel>().GetRequiredService<IChatCompletionService>();
        if (expected is not null) Assert.IsType(expected, chat);
        Assert.Equal("m1", Microsoft.SemanticKernel.Services.AIServiceExtensions.GetModelId(chat));
        Assert.IsType<SemanticKernelAnswerer>(services.GetRequiredService<IAnswerer>());
        Assert.IsType<SemanticKernelQueryRewriter>(services.GetRequiredService<IQueryRewriter>());
        Assert.Equal(provider == "azureopenai" ? "semantic-kernel:azureopenai/d1" : $"semantic-kernel:{provider}/m1",
            services.GetRequiredService<IAnswerer>().Name);
    }

    [Fact]
    public void An_OpenAI_compatible_endpoint_is_accepted()
    {
        var settings = OpenAI();
        settings["Llm:Endpoint"] = "http://127.0.0.1:1234/v1";
        using var services = Build(settings);

        Assert.IsType<OpenAIChatCompletionService>(services.GetRequiredService<Kernel>().GetRequiredService<IChatCompletionService>());
    }

    [Fact]
    public void The_settings_text_never_shows_the_key()
    {
        var options = new LlmOptions { Provider = "openai", Model = "gpt-4o-mini", ApiKey = Secret };

        Assert.DoesNotContain(Secret, options.ToString());
        Assert.Contains("ApiKey=(set)", options.ToString());
        Assert.Contains("ApiKey=(not set)", new LlmOptions().ToString());
    }

    [Fact]
    public async Task Answering_and_rewriting_never_log_the_key()
    {
        var logs = new CapturingLoggerProvider();
        var model = new ScriptedChatClient()
            .Reply("Who led the Niger patrol?")
            .Reply("Four soldiers died [1].");
        using var services = Build(OpenAI(), logs, model);
        var passages = NewsFixture.Ranked(NewsFixture.ChunkOf(NewsFixture.Niger, 0));

        var query = (await services.GetRequiredService<IQueryRewriter>().RewriteAsync("Who led them?", [new("Who died?", "Soldiers [1].")], Ct)).Query;
        var final = TestKernel.Final(await TestKernel.RunAsync(services.GetRequiredService<IAnswerer>(), new AnswerContext(query, passages, [])));

        Assert.False(final.Abstained);
        Assert.Equal(2, model.Requests.Count);
        Assert.Contains(logs.Lines, line => line.Contains("gpt-4o-mini") && line.Contains("ApiKey=(set)"));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Secret));
    }

    [Fact]
    public void The_archive_plugin_is_in_the_kernel()
    {
        using var services = Build(OpenAI());

        var plugin = services.GetRequiredService<Kernel>().Plugins["archive"];

        Assert.Equal(["get_article", "search_archive"], plugin.Select(f => f.Name).Order());
    }
}
