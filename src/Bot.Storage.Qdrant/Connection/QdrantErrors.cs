using Bot.Core.Retrieval;
using System.Net.Sockets;
using System.Security.Authentication;
using Grpc.Core;

namespace Bot.Storage.Qdrant.Connection;

/// <summary>Turns a failed gRPC call into an <see cref="ArchiveException"/> that says what went wrong and what to change.</summary>
internal static class QdrantErrors
{
    private const int MaxDetailChars = 500;

    public static ArchiveException From(RpcException e, QdrantOptions options, string operation, int attempts)
    {
        var at = $"Qdrant at {options.Url}";
        var detail = Clip(e.Status.Detail);
        var tries = $"{attempts} attempt(s)";
        var message = e.StatusCode switch
        {
            _ when Has<AuthenticationException>(e.Status.DebugException) =>
                $"{at}: no TLS connection for {operation}: {detail}. The server's certificate must be trusted by this machine; " +
                "use http:// in Qdrant:Url if the server does not speak TLS.",
            _ when IsConnectFailure(e.Status.DebugException) =>
                $"Qdrant is unreachable at {options.Url} ({operation}, {tries}): {detail}. " +
                "Check Qdrant:Url (Qdrant's gRPC port, 6334 by default) and that the server is running.",
            StatusCode.Unavailable =>
                $"{at} broke off its answer to {operation} ({tries}): {detail}. The server, or a proxy in between, may be restarting or overloaded; " +
                "Qdrant:Url must name Qdrant's gRPC port (6334 by default), not its REST port.",
            StatusCode.DeadlineExceeded =>
                $"{at} did not answer {operation} within {options.Timeout.TotalSeconds:0.###} s ({tries}). " +
                "The server may be overloaded; raise Qdrant:Timeout or lower Qdrant:BatchSize.",
            StatusCode.Unauthenticated =>
                $"{at} refused {operation}: the API key is missing or wrong. Set Qdrant:ApiKey to the server's key.",
            StatusCode.PermissionDenied =>
                $"{at} refused {operation}: the API key lacks permission (a read-only key cannot write). {detail}",
            StatusCode.NotFound =>
                $"{at}: {operation} found nothing: {detail}. Create the collection by initialising the store (e.g. run ingest), or check Qdrant:Collection.",
            StatusCode.ResourceExhausted when QdrantCalls.IsOutOfStorage(e) =>
                $"{at} is out of disk space and refused {operation}: {detail}",
            StatusCode.ResourceExhausted =>
                $"{at} kept refusing {operation} as over its limits ({tries}): {detail}. Lower Qdrant:MaxParallelUploads or try again later.",
            StatusCode.InvalidArgument when detail.Contains("dimension", StringComparison.OrdinalIgnoreCase) =>
                $"{at} rejected {operation}: {detail}. The collection's vectors do not fit the configured embedder: " +
                "use another Qdrant:Collection or re-create this one and re-ingest.",
            StatusCode.InvalidArgument => $"{at} rejected {operation}: {detail}",
            StatusCode.Unimplemented =>
                $"{at} does not implement {operation}: {detail}. The store needs Qdrant 1.10 or newer on its gRPC port.",
            _ => $"{at} failed {operation} ({e.StatusCode}): {detail}",
        };
        return new ArchiveException(message.TrimEnd(), e);
    }

    /// <summary>A connection that could not be made (the channel reports the socket's error, or the HTTP handler's).</summary>
    private static bool IsConnectFailure(Exception? e) =>
        Has<SocketException>(e, s => s.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
            or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TimedOut or SocketError.TryAgain)
        || Has<HttpRequestException>(e, h => h.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.ProxyTunnelError);

    private static bool Has<T>(Exception? e, Func<T, bool>? test = null) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T match && (test is null || test(match))) return true;
        return false;
    }

    private static string Clip(string text) => text.Length <= MaxDetailChars ? text : text[..MaxDetailChars] + "...";
}
