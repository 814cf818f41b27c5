using Bot.Answering.SemanticKernel.Tests.Support;
using Bot.Core.Answering;
using Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Answering.SemanticKernel.Tests.Support.NewsFixture;

namespace Bot.Answering.SemanticKernel.Tests;

/// <summary>
/// Real providers, only where their credentials are in the environment (OPENAI_API_KEY; AZURE_OPENAI_API_KEY with
/// AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT; OLLAMA_MODEL with optional OLLAMA_ENDPOINT); skipped otherwise.
/// </summary>
public sealed class LiveProviderTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    public static TheoryData<string> Providers => ["openai", "azureopenai", "ollama"];

    private static Dictionary<string, string?> SettingsOrSkip(string provider)
    {
        static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        string Require(string name)
        {
            var value = Env(name);
            if (value is null) Assert.Skip($"{provider}: set {name} to run this test against the real provider.");
            return value;
        }
        return provider switch
        {
            "openai" => new() { ["Llm:Provider"] = provider, ["Llm:ApiKey"] = Require("OPENAI_API_KEY"), ["Llm:Model"] = Env("OPENAI_MODEL") ?? "gpt-4o-mini" },
            "azureopenai" => new()
            {
                ["Llm:Provider"] = provider, ["Llm:ApiKey"] = Require("AZURE_OPENAI_API_KEY"),
                ["Llm:Endpoint"] = Require("AZURE_OPENAI_ENDPOINT"), ["Llm:Deployment"] = Require("AZURE_OPENAI_DEPLOYMENT"),
            },
            _ => new() { ["Llm:Provider"] = provider, ["Llm:Model"] = Require("OLLAMA_MODEL"), ["Llm:Endpoint"] = Env("OLLAMA_ENDPOINT") },
        };
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_real_model_answers_with_valid_citations(string provider)
    {
        await using var services = TestHost.Services(SettingsOrSkip(provider), data.Path).BuildServiceProvider();
        var context = new AnswerContext("How many U.S. soldiers were killed in the Niger ambush, and where?",
            Ranked(ChunkOf(Niger, 0), ChunkOf(Senate, 0)), []);

        var final = TestKernel.Final(await TestKernel.RunAsync(services.GetRequiredService<IAnswerer>(), context));

        Assert.False(final.Abstained, final.Text);
        Assert.Contains(final.Citations, c => c.ArticleId == Niger.Id);
        AnswerContract.AssertHolds(final);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_real_model_refuses_what_the_passages_do_not_say(string provider)
    {
        await using var services = TestHost.Services(SettingsOrSkip(provider), data.Path).BuildServiceProvider();
        var context = new AnswerContext("Who won the 2018 football World Cup?", Ranked(ChunkOf(Senate, 0)), []);

        var final = TestKernel.Final(await TestKernel.RunAsync(services.GetRequiredService<IAnswerer>(), context));

        Assert.True(final.Abstained, final.Text);
        Assert.Equal(Abstention.Message, final.Text);
    }
}
