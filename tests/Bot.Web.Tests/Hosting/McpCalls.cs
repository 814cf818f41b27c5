using System.Text;
using Bot.Web.Security;
using ModelContextProtocol.Client;

namespace Bot.Web.Tests.Hosting;

/// <summary>The host's MCP endpoint (/mcp): through the MCP C# client, or one raw request as a script would send it.</summary>
public static class McpCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<McpClient> ConnectMcpAsync(this WebHost host, string? key) => McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
    {
        Endpoint = new Uri(host.Address, "/mcp"),
        TransportMode = HttpTransportMode.StreamableHttp,
        AdditionalHeaders = key is null ? null : new Dictionary<string, string> { [ApiKeyAuthenticationHandler.HeaderName] = key },
    }), cancellationToken: Ct);

    /// <summary>A stateless <c>tools/list</c> POST, accepting JSON or an event stream as the transport requires.</summary>
    public static async Task<HttpResponseMessage> ListMcpToolsAsync(this HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return await client.SendAsync(request, Ct);
    }
}
