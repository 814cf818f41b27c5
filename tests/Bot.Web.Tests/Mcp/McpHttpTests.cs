using System.Net;
using Bot.Testing;
using Bot.Web.Security;
using Bot.Web.Tests.Hosting;
using ModelContextProtocol.Client;

namespace Bot.Web.Tests.Mcp;

/// <summary>The web host's MCP endpoint (streamable HTTP at /mcp) with the MCP C# client over loopback, behind the API keys.</summary>
public sealed class McpHttpTests(KeyedHostFixture fixture) : IClassFixture<KeyedHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<McpClient> ConnectAsync(string? key) => McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
    {
        Endpoint = new Uri(fixture.Host.Address, "/mcp"),
        TransportMode = HttpTransportMode.StreamableHttp,
        AdditionalHeaders = key is null ? null : new Dictionary<string, string> { [ApiKeyAuthenticationHandler.HeaderName] = key },
    }), cancellationToken: Ct);

    [Fact]
    public async Task A_reader_key_gets_the_tools_and_article_resources()
    {
        await using var client = await ConnectAsync(KeyedHostFixture.ReaderKey);
        Assert.Equal("news-archive", client.ServerInfo?.Name);
        await ArchiveMcpChecks.AssertServesTheArchiveAsync(client);
    }

    [Fact]
    public async Task Bad_tool_input_is_an_error_result_that_says_what_was_wrong()
    {
        await using var client = await ConnectAsync(KeyedHostFixture.ReaderKey);
        await ArchiveMcpChecks.AssertBadInputIsAClearErrorAsync(client);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_a_valid_key_the_endpoint_answers_401(string? key)
    {
        using var http = fixture.Host.Client(key);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request, Ct)).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(key));
    }
}
