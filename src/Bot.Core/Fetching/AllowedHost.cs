using System.Net;
using System.Net.Sockets;

namespace Bot.Core.Fetching;

/// <summary>One entry of <see cref="FetchOptions.AllowedHosts"/>: a host name (or "*.suffix"), an address, or a CIDR range.</summary>
internal sealed record AllowedHost(string? Name, IPAddress? Network, int PrefixLength)
{
    public static AllowedHost Parse(string entry)
    {
        var text = entry.Trim();
        if (text.Length == 0) throw new ArgumentException("Ingest:AllowedHosts has an empty entry.");
        var slash = text.IndexOf('/');
        if (slash > 0)
        {
            if (!IPAddress.TryParse(text[..slash], out var network) || !int.TryParse(text[(slash + 1)..], out var length)
                || length < 0 || length > (network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
                throw new ArgumentException($"Ingest:AllowedHosts entry '{entry}' is not a valid CIDR range (e.g. 10.0.0.0/8).");
            return new(null, network, length);
        }
        if (IPAddress.TryParse(text.Trim('[', ']'), out var address))
            return new(null, address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        if (Uri.CheckHostName(text.TrimStart('*', '.')) != UriHostNameType.Dns)
            throw new ArgumentException($"Ingest:AllowedHosts entry '{entry}' is not a host name, address or CIDR range.");
        return new(text.ToLowerInvariant(), null, 0);
    }

    public bool Matches(string host, IPAddress address) => Name is { } name
        ? name.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(name[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, name, StringComparison.OrdinalIgnoreCase)
        : InRange(Normalized(address), Normalized(Network!), PrefixLength);

    private static IPAddress Normalized(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool InRange(IPAddress address, IPAddress network, int prefixLength)
    {
        if (address.AddressFamily != network.AddressFamily) return false;
        var (a, n) = (address.GetAddressBytes(), network.GetAddressBytes());
        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) return false;
        }
        return true;
    }
}
