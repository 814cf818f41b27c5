using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Bot.Web.Tests.Hosting;

/// <summary>Reading the API's JSON and RFC 7807 problem details in tests.</summary>
public static class HttpAssertions
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body) ?? throw new InvalidOperationException("The response body is empty.");
    }

    /// <summary>Asserts an RFC 7807 problem with <paramref name="status"/> and returns it.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), "a problem has a title");
        return problem;
    }

    public static Task<HttpResponseMessage> AskAsync(this HttpClient client, string question, string? conversationId = null, object? filters = null) =>
        client.PostAsJsonAsync("/api/ask", new { question, conversationId, filters }, Ct);
}
