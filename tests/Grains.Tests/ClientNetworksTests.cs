using MedPlatform.Identity;

namespace MedPlatform.Grains.Tests;

public sealed class ClientNetworksTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("not an address", ClientNetworks.Unknown)]
    [InlineData(null, ClientNetworks.Unknown)]
    public void Throttles_count_an_ipv4_address_or_an_ipv6_64_as_one_client(string? address, string network)
    {
        Assert.Equal(network, ClientNetworks.Of(address));
    }
}
