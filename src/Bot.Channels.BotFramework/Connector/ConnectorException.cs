using System.Net;

namespace Bot.Channels.BotFramework.Connector;

/// <summary>The Bot Connector or the login service refused a request, or could not be reached, after retries.</summary>
public sealed class ConnectorException(string message, HttpStatusCode? status = null, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    internal static async Task<ConnectorException> FromResponseAsync(string what, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Length > 500) body = body[..500] + "…";
        return new ConnectorException($"{what} failed with {(int)response.StatusCode} {response.ReasonPhrase}: {body}", response.StatusCode);
    }
}
