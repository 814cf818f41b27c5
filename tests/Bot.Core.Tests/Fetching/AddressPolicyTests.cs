using System.Net;
using Bot.Core.Fetching;

namespace Bot.Core.Tests.Fetching;

/// <summary>Which addresses a fetch may reach; checked on literal addresses, no network involved.</summary>
public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "private (shared, CGNAT)")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00::1", "private (unique local)")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    public void Non_public_addresses_are_classified(string address, string kind) =>
        Assert.Equal(kind, AddressPolicy.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.Null(new AddressPolicy([]).Refusal("news.example", IPAddress.Parse(address)));

    [Fact]
    public void The_allow_list_takes_names_addresses_and_ranges()
    {
        var policy = new AddressPolicy(["intranet.example", "*.corp.example", "10.20.0.0/16", "127.0.0.1"]);

        Assert.Null(policy.Refusal("intranet.example", IPAddress.Parse("10.9.9.9")));
        Assert.Null(policy.Refusal("wiki.corp.example", IPAddress.Parse("192.168.4.4")));
        Assert.Null(policy.Refusal("anything", IPAddress.Parse("10.20.30.40")));
        Assert.Null(policy.Refusal("localhost", IPAddress.Parse("127.0.0.1")));
        Assert.Equal("evil.example resolves to 10.21.0.1, a private address; the bot fetches only public addresses unless Ingest:AllowedHosts lists it",
            policy.Refusal("evil.example", IPAddress.Parse("10.21.0.1")));
        Assert.NotNull(policy.Refusal("localhost", IPAddress.Parse("127.0.0.2")));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("not a host!")]
    [InlineData(" ")]
    public void A_bad_allow_list_entry_is_a_clear_error(string entry) =>
        Assert.StartsWith("Ingest:AllowedHosts", Assert.Throws<ArgumentException>(() => new FetchOptions { AllowedHosts = [entry] }.Validate()).Message);
}
