using System.Net;
using System.Net.Sockets;

namespace Bot.Core.Fetching;

/// <summary>
/// Which addresses the bot may connect to: public unicast ones, plus what <see cref="FetchOptions.AllowedHosts"/>
/// names. Loopback, private, shared (CGNAT), link-local, multicast, unspecified, broadcast and reserved ranges are
/// refused, including IPv4 addresses hidden in IPv6 (mapped, NAT64), so a URL cannot reach the bot's own network.
/// </summary>
public sealed class AddressPolicy
{
    private readonly IReadOnlyList<AllowedHost> allowed;

    public AddressPolicy(IEnumerable<string> allowedHosts) => allowed = allowedHosts.Select(AllowedHost.Parse).ToList();

    /// <summary>Null when <paramref name="host"/> at <paramref name="address"/> may be fetched; otherwise why not.</summary>
    public string? Refusal(string host, IPAddress address)
    {
        if (allowed.Any(entry => entry.Matches(host, address))) return null;
        return Classify(address) is { } kind
            ? $"{host} resolves to {address}, a {kind} address; the bot fetches only public addresses unless Ingest:AllowedHosts lists it"
            : null;
    }

    /// <summary>What kind of non-public address this is, or null for a public one.</summary>
    public static string? Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return Classify(address.MapToIPv4());
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork) return ClassifyV4(bytes);
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return "non-IP";
        if (address.Equals(IPAddress.IPv6Loopback)) return "loopback";
        if (address.Equals(IPAddress.IPv6Any)) return "unspecified";
        if (bytes[0] == 0xff) return "multicast";
        if (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80) return "link-local";
        if (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0xc0) return "private (site-local)";
        if ((bytes[0] & 0xfe) == 0xfc) return "private (unique local)";
        // NAT64 (64:ff9b::/96) and IPv4-compatible (::/96) addresses carry an IPv4 address in their last 4 bytes.
        if ((bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4..12].All(b => b == 0))
            || bytes[..12].All(b => b == 0))
            return ClassifyV4(bytes[12..]);
        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8) return "reserved (documentation)";
        return null;
    }

    private static string? ClassifyV4(byte[] b) => b switch
    {
        [0, ..] => "unspecified",
        [127, ..] => "loopback",
        [10, ..] => "private",
        [172, >= 16 and <= 31, ..] => "private",
        [192, 168, ..] => "private",
        [100, >= 64 and <= 127, ..] => "private (shared, CGNAT)",
        [169, 254, ..] => "link-local",
        [192, 0, 0, _] => "reserved",
        [192, 0, 2, _] or [198, 51, 100, _] or [203, 0, 113, _] => "reserved (documentation)",
        [198, 18 or 19, ..] => "reserved (benchmarking)",
        [>= 224 and <= 239, ..] => "multicast",
        [255, 255, 255, 255] => "broadcast",
        [>= 240, ..] => "reserved",
        _ => null,
    };
}
