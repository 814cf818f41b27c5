using System.Net;
using Bot.Testing;
using Bot.Web.Tests.Hosting;
using ModelContextProtocol.Client;

namespace Bot.Web.Tests.Mcp;

/// <summary>The web host's MCP endpoint (streamable HTTP at /mcp) with the MCP C# client over loopback, behind the API keys.</summary>
public sealed class McpHttpTests(KeyedHostFixture fixture) : IClassFixture<KeyedHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<McpClient> ConnectAsync(string? key) => fixture.Host.ConnectMcpAsync(key);

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
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.ListMcpToolsAsync()).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(key));
    }
}
