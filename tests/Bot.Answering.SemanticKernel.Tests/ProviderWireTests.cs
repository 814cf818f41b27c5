using Bot.Answering.SemanticKernel.Configuration;
using Bot.Answering.SemanticKernel.Tests.Support;
using Bot.Core.Answering;
using Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Answering.SemanticKernel.Tests.Support.NewsFixture;

namespace Bot.Answering.SemanticKernel.Tests;

/// <summary>
/// Each provider's real connector (SK OpenAI, SK Azure OpenAI, OllamaSharp through the IChatClient bridge) against
/// a fake provider on 127.0.0.1: the request carries the settings and the key, the stream comes back as deltas,
/// and the key is never logged.
/// </summary>
public sealed class ProviderWireTests : IAsyncDisposable
{
    private const string Secret = "sk-wire-SECRET-777";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly FakeProviderServer server = new();
    private readonly CapturingLoggerProvider logs = new();
    private readonly TempDirectory data = new();

    public ValueTask DisposeAsync()
    {
        data.Dispose();
        return server.DisposeAsync();
    }

    private ServiceProvider Build(string provider)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Provider"] = provider,
            ["Llm:Model"] = "m1",
            ["Llm:ApiKey"] = provider == LlmProviders.Ollama ? null : Secret,
            ["Llm:Endpoint"] = provider == LlmProviders.OpenAI ? server.BaseUrl + "v1" : server.BaseUrl,
            ["Llm:Deployment"] = "d1",
            ["Llm:Temperature"] = "0.25",
            ["Llm:MaxAnswerTokens"] = "123",
        };
        var services = TestHost.Services(settings, data.Path, logs);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(LlmProviders.OpenAI, "/v1/chat/completions")]
    [InlineData(LlmProviders.AzureOpenAI, "/openai/deployments/d1/chat/completions")]
    [InlineData(LlmProviders.Ollama, "/api/chat")]
    public async Task The_provider_streams_an_answer_that_is_cited_and_validated(string provider, string path)
    {
        string[] pieces = ["Four U.S. soldiers ", "were killed in an ambush [1]. ", "The vote was 51 to 49 [2]."];
        server.Reply(pieces);
        await using var services = Build(provider);
        var context = new AnswerContext("What happened?", Ranked(ChunkOf(Niger, 0), ChunkOf(Senate, 0)), []);

        var updates = await TestKernel.RunAsync(services.GetRequiredService<IAnswerer>(), context);

        Assert.Equal(pieces, updates.OfType<AnswerDelta>().Select(d => d.Text));
        var final = TestKernel.Final(updates);
        Assert.Equal([Niger.Id, Senate.Id], final.Citations.Select(c => c.ArticleId));
        AnswerContract.AssertHolds(final);

        var request = Assert.Single(server.Requests);
        Assert.StartsWith(path, request.Path);
        var body = request.Body.ToJsonString();
        Assert.Contains("Tongo Tongo", body);
        if (provider == LlmProviders.Ollama)
        {
            Assert.Equal(0.25, request.Body["options"]!["temperature"]!.GetValue<double>(), 3);
            Assert.Equal(123, request.Body["options"]!["num_predict"]!.GetValue<int>());
        }
        else
        {
            Assert.Equal(0.25, request.Body["temperature"]!.GetValue<double>(), 3);
            Assert.Equal(123, (request.Body["max_completion_tokens"] ?? request.Body["max_tokens"])!.GetValue<int>());
            var auth = provider == LlmProviders.OpenAI ? request.Headers["Authorization"] : request.Headers["api-key"];
            Assert.Contains(Secret, auth);
        }
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Secret));
    }

    [Fact]
    public async Task The_rewriter_asks_once_without_streaming()
    {
        server.Reply("Who led the patrol ambushed in Niger?");
        await using var services = Build(LlmProviders.OpenAI);

        var query = (await services.GetRequiredService<IQueryRewriter>()
            .RewriteAsync("Who led it?", [new("What happened in Niger?", "Soldiers were ambushed [1].")], Ct)).Query;

        Assert.Equal("Who led the patrol ambushed in Niger?", query);
        var request = Assert.Single(server.Requests);
        Assert.NotEqual(true, request.Body["stream"]?.GetValue<bool>());
        Assert.Equal(0, request.Body["temperature"]!.GetValue<double>());
    }
}
