using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Testing.Hostile;
using Bot.Web.Tests.Hosting;
using CsCheck;

namespace Bot.Web.Tests.Api;

/// <summary>
/// The REST binding under generated requests against the real host: whatever the body, query or path, the
/// answer is a success or an RFC 7807 problem with a 4xx status, never a 500, and a success is valid JSON.
/// </summary>
public sealed class RequestBindingProperties(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    private static readonly string[] JsonFragments =
        ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999", "-0", "\\ud800", "\"question\":", "\"stream\":", "\"filters\":{", "\"from\":", "\"tags\":["];

    private static readonly Gen<string> Values = Gen.Frequency(
        (3, HostileText.Text(8)),
        (1, Gen.OneOf("", "0", "-1", "1", "101", "2147483648", "1e3", "NaN", "true", "null", "lexical", "dense", "Hybrid", "2017-11-01", "yesterday", "9999-99-99")));

    private static readonly Gen<JsonObject> AskBodies = Gen.Select(HostileText.TextWithWords(20), Values, Values, Gen.Bool, Values,
        (question, from, source, stream, conversation) => new JsonObject
        {
            ["question"] = question,
            ["conversationId"] = conversation,
            ["stream"] = stream,
            ["filters"] = new JsonObject { ["from"] = from, ["source"] = source, ["tags"] = new JsonArray(source) },
        });

    private static readonly Gen<(byte[], string)> Asks = Gen.Select(
        Mutations.Of(AskBodies.Select(b => Encoding.UTF8.GetBytes(b.ToJsonString())), JsonFragments),
        Gen.Frequency((6, Gen.Const("application/json")), (1, Gen.OneOf("text/plain", "application/json; charset=latin1", "multipart/form-data", "application/x-www-form-urlencoded"))));

    private static readonly Gen<string> Queries = Gen.Select(Gen.OneOf("q", "top", "from", "to", "source", "tag", "mode", "offset", "limit", "x"), Values)
        .Array[0, 6].Select(pairs => string.Join('&', pairs.Select(p => $"{p.Item1}={Uri.EscapeDataString(Utf8RoundTrip(p.Item2))}")));

    [Fact]
    public async Task Any_ask_body_gets_an_answer_or_a_4xx_problem()
    {
        using var client = fixture.Host.Client();
        async Task AskAsync(byte[] body, string contentType)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var response = await client.PostAsync("/api/ask", content, TestContext.Current.CancellationToken);
            await AssertAnsweredOrRefusedAsync(response);
        }
        await Asks.SampleAsync(AskAsync, iter: PropertyRuns.Iterations(400), print: t => Mutations.Preview(t.Item1) + " as " + t.Item2);
    }

    [Fact]
    public async Task Any_query_or_path_gets_an_answer_or_a_4xx_problem()
    {
        using var client = fixture.Host.Client();
        var requests = Gen.Select(Gen.OneOf("/api/search", "/api/articles", "/api/articles/", "/api/ingest/"), Values, Queries,
            (path, segment, query) => path.EndsWith('/') ? path + Uri.EscapeDataString(PathSafe(segment)) + "?" + query : path + "?" + query);
        await requests.SampleAsync(async uri =>
        {
            using var response = await client.GetAsync(uri, TestContext.Current.CancellationToken);
            await AssertAnsweredOrRefusedAsync(response);
        }, iter: PropertyRuns.Iterations(600));
    }

    private static async Task AssertAnsweredOrRefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{status}: {body}");
        if (response.IsSuccessStatusCode)
        {
            if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
            {
                var events = await ServerSentEvents.ParseAsync(body);
                Assert.Contains(events[^1].Type, new[] { "final", "error" });
            }
            else if (body.Length > 0) JsonDocument.Parse(body).Dispose();
            return;
        }
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), $"a problem without a title: {body}");
    }

    /// <summary>Kestrel itself refuses a path holding control characters (a bare 400 before the app): those are left out.</summary>
    private static string PathSafe(string segment) => string.Concat(Utf8RoundTrip(segment).Where(c => !char.IsControl(c)));

    private static string Utf8RoundTrip(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
