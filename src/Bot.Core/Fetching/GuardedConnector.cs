using System.Net;
using System.Net.Sockets;

namespace Bot.Core.Fetching;

/// <summary>
/// The only way the fetcher's HTTP handler opens connections: the host is resolved here, every address is checked
/// against the <see cref="AddressPolicy"/>, and the socket connects to the checked addresses only, so a name that
/// resolves differently a moment later (DNS rebinding) cannot slip past the check. Proxies are off for the same reason.
/// </summary>
public static class GuardedConnector
{
    public static SocketsHttpHandler CreateHandler(AddressPolicy policy) => new()
    {
        ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        // Long-lived clients must still see DNS changes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static async ValueTask<Stream> ConnectAsync(AddressPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var host = endpoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0) throw new FetchRefusedException($"{host} does not resolve to any address");
        var permitted = addresses.Where(a => policy.Refusal(host, a) is null).ToArray();
        if (permitted.Length == 0) throw new FetchRefusedException(policy.Refusal(host, addresses[0])!);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
