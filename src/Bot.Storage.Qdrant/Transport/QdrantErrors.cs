using System.Net;
using System.Text.Json;
using Bot.Core.Retrieval;

namespace Bot.Storage.Qdrant.Transport;

/// <summary>Turns Qdrant failures into <see cref="ArchiveException"/>s a user can act on.</summary>
internal static class QdrantErrors
{
    private const int MaxErrorChars = 500;

    /// <summary>A connection that could not be made, or an answer that broke off half way.</summary>
    public static ArchiveException Failed(Uri url, string operation, int attempts, HttpRequestException inner) =>
        inner.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError
            ? new($"Qdrant is unreachable at {url} ({operation}, {attempts} attempt(s)): {inner.Message}. " +
                "Check Qdrant:Url and that the server is running.", inner)
            : new($"Qdrant at {url} broke off its answer to {operation} ({attempts} attempt(s)): {Detail(inner)}. " +
                "The server, or a proxy in between, may be restarting or overloaded.", inner);

    private static string Detail(Exception e) => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;

    public static ArchiveException TimedOut(Uri url, string operation, TimeSpan timeout, int attempts, Exception inner) =>
        new($"Qdrant at {url} did not answer {operation} within {timeout.TotalSeconds:0.###} s ({attempts} attempt(s)). " +
            "The server may be overloaded; raise Qdrant:Timeout or lower Qdrant:BatchSize.", inner);

    public static ArchiveException Unreadable(Uri url, string operation, string detail, Exception? inner = null) =>
        new($"Qdrant at {url} gave an unexpected answer to {operation}: {detail}", inner);

    public static async Task<ArchiveException> FromResponseAsync(Uri url, HttpMethod method, string path, HttpResponseMessage response, CancellationToken ct)
    {
        var operation = $"{method} /{path}";
        var code = (int)response.StatusCode;
        var error = await ReadErrorAsync(response, ct);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new ArchiveException(
                $"Qdrant at {url} refused {operation} (HTTP 401): the API key is missing or wrong. Set Qdrant:ApiKey to the server's key."),
            HttpStatusCode.Forbidden => new ArchiveException(
                $"Qdrant at {url} refused {operation} (HTTP 403): the API key lacks permission (a read-only key cannot write). {error}".TrimEnd()),
            HttpStatusCode.NotFound => new ArchiveException(
                $"Qdrant at {url}: {operation} found nothing (HTTP 404): {error} Create the collection by initialising the store."),
            HttpStatusCode.RequestEntityTooLarge => new ArchiveException(
                $"Qdrant at {url} rejected {operation} as too large (HTTP 413): lower Qdrant:BatchSize. {error}".TrimEnd()),
            _ => new ArchiveException($"Qdrant at {url} failed {operation} with HTTP {code} {response.ReasonPhrase}: {error}"),
        };
    }

    /// <summary>The <c>status.error</c> of Qdrant's error body, else the start of whatever came back.</summary>
    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string text;
        try { text = await response.Content.ReadAsStringAsync(ct); }
        catch (HttpRequestException e) { return $"(body unreadable: {e.Message})"; }
        if (string.IsNullOrWhiteSpace(text)) return "(no details)";
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var message)
                && message.ValueKind == JsonValueKind.String)
                return Clip(message.GetString()!);
        }
        catch (JsonException) { }
        return Clip(text.Trim());
    }

    private static string Clip(string text) => text.Length <= MaxErrorChars ? text : text[..MaxErrorChars] + "...";
}
