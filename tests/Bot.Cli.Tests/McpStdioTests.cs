using Bot.Testing;
using ModelContextProtocol.Client;

namespace Bot.Cli.Tests;

/// <summary>`bot mcp`: the archive over MCP on stdin/stdout, started as an assistant starts it, with the MCP C# client.</summary>
public sealed class McpStdioTests
{
    private static Task<McpClient> ConnectAsync(string dataDirectory, TempDirectory home) => McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
    {
        Name = "news-archive",
        Command = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "bot.exe" : "bot"),
        Arguments = ["--data", dataDirectory, "mcp"],
        WorkingDirectory = home.Path,
        // No user secrets or inherited bot settings: the archive is the one named on the command line.
        EnvironmentVariables = new Dictionary<string, string?> { ["HOME"] = home.Path, ["BOT_DATA"] = null, ["BOT_STORE"] = null, ["BOT_EMBEDDINGS_MODEL"] = null },
    }), cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Mcp_serves_the_tools_and_article_resources_over_stdio()
    {
        using var cli = new CliRunner();
        await cli.IngestSeedsAsync();
        using var home = new TempDirectory();

        await using var client = await ConnectAsync(cli.DataDirectory, home);

        Assert.Equal("news-archive", client.ServerInfo?.Name);
        await ArchiveMcpChecks.AssertServesTheArchiveAsync(client);
        await ArchiveMcpChecks.AssertBadInputIsAClearErrorAsync(client);
    }
}
