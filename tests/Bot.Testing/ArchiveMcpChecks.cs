using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Bot.Testing;

/// <summary>
/// What the archive's MCP server must do for any client, whatever the transport (streamable HTTP, stdio):
/// checked with the MCP C# client against an archive holding the repository's seed articles.
/// </summary>
public static class ArchiveMcpChecks
{
    public const string SeedQuestion = "Who asked the United States to arm its drones?";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task AssertServesTheArchiveAsync(McpClient client)
    {
        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        Assert.Equal(["ask", "get_article", "list_sources", "search_archive"], tools.Select(t => t.Name).Order());
        Assert.All(tools, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));

        var search = await CallAsync(client, "search_archive", new() { ["query"] = "armed drones Niger", ["top"] = 3 });
        var passages = search["passages"]!.AsArray();
        Assert.InRange(passages.Count, 1, 3);
        var best = passages[0]!;
        var id = (string)best["articleId"]!;

        var article = await CallAsync(client, "get_article", new() { ["id"] = id });
        var text = (string)article["text"]!;
        Assert.Equal((string)best["text"]!, text[(int)best["start"]!..(int)best["end"]!]);
        Assert.Equal((string)best["title"]!, (string)article["title"]!);

        var answer = await CallAsync(client, "ask", new() { ["question"] = SeedQuestion });
        Assert.False((bool)answer["abstained"]!);
        Assert.Contains("Kalla Mountari", (string)answer["text"]!);
        foreach (var citation in answer["citations"]!.AsArray())
        {
            var cited = await CallAsync(client, "get_article", new() { ["id"] = (string)citation!["articleId"]! });
            Assert.Equal((string)citation["quote"]!, ((string)cited["text"]!)[(int)citation["start"]!..(int)citation["end"]!]);
            Assert.Contains($"[{(int)citation["number"]!}]", (string)answer["text"]!);
        }

        var sources = await CallAsync(client, "list_sources", []);
        var reuters = sources["sources"]!.AsArray().Single(s => (string?)s!["name"] == "Reuters")!;
        Assert.True((int)reuters["articles"]! >= 1);
        Assert.True((int)sources["total"]! >= (int)reuters["articles"]!);

        var templates = await client.ListResourceTemplatesAsync(cancellationToken: Ct);
        Assert.Contains(templates, t => t.UriTemplate == "article://{id}");
        var resource = await client.ReadResourceAsync($"article://{Uri.EscapeDataString(id)}", cancellationToken: Ct);
        var contents = Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents));
        Assert.Equal("application/json", contents.MimeType);
        Assert.Equal(text, (string)JsonNode.Parse(contents.Text)!["text"]!);
    }

    public static async Task AssertBadInputIsAClearErrorAsync(McpClient client)
    {
        Assert.Contains("No article with id 'missing-article'", await ErrorAsync(client, "get_article", new() { ["id"] = "missing-article" }));
        Assert.Contains("'from' is not a date", await ErrorAsync(client, "search_archive", new() { ["query"] = "drones", ["from"] = "someday" }));
        Assert.Contains("'top' must be between 1 and 50", await ErrorAsync(client, "search_archive", new() { ["query"] = "drones", ["top"] = 500 }));
        Assert.Contains("The question is empty", await ErrorAsync(client, "ask", new() { ["question"] = " " }));
        await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("article://missing-article", cancellationToken: Ct).AsTask());
    }

    /// <summary>The tool's structured result; fails when the call is an error.</summary>
    public static async Task<JsonNode> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: Ct);
        Assert.True(result.IsError != true, $"{tool} failed: {TextOf(result)}");
        return JsonNode.Parse(JsonSerializer.Serialize(result.StructuredContent))!;
    }

    private static async Task<string> ErrorAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: Ct);
        Assert.True(result.IsError, $"{tool} should have failed: {TextOf(result)}");
        return TextOf(result);
    }

    private static string TextOf(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
