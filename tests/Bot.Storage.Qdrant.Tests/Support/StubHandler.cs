using System.Net;
using System.Text;

namespace Bot.Storage.Qdrant.Tests.Support;

/// <summary>Answers HTTP requests in-process from canned bodies chosen by path suffix (no socket).</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly List<(string Method, string PathEnd, HttpStatusCode Status, string Body, string ContentType)> answers = [];
    private readonly List<(string Method, string PathEnd, string Body)> once = [];

    /// <summary>Each request with its body, read as it was sent (the store disposes requests after use).</summary>
    public List<(HttpRequestMessage Message, string? Body)> Requests { get; } = [];

    public StubHandler Answer(string method, string pathEnd, string body, HttpStatusCode status = HttpStatusCode.OK, string contentType = "application/json")
    {
        answers.Add((method, pathEnd, status, body, contentType));
        return this;
    }

    /// <summary>Answered once, in the order given, before any standing answer for the same path.</summary>
    public StubHandler AnswerOnce(string method, string pathEnd, string body)
    {
        once.Add((method, pathEnd, body));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        var path = request.RequestUri!.AbsolutePath;
        var next = once.FindIndex(a => a.Method == request.Method.Method && path.EndsWith(a.PathEnd, StringComparison.Ordinal));
        if (next >= 0)
        {
            var body = once[next].Body;
            once.RemoveAt(next);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
        var (_, _, status, standing, contentType) = answers.LastOrDefault(a => a.Method == request.Method.Method && path.EndsWith(a.PathEnd, StringComparison.Ordinal));
        return standing is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"status":{"error":"no stub"},"time":0}""") }
            : new HttpResponseMessage(status) { Content = new StringContent(standing, Encoding.UTF8, contentType) };
    }
}
