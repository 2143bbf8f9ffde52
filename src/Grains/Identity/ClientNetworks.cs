using System.Net;
using System.Net.Sockets;

namespace MedPlatform.Identity;

/// <summary>
/// What throttles count as "one client": an IPv4 address, or an IPv6 /64 (one subscriber usually
/// holds a whole /64, so counting single IPv6 addresses would let one attacker be millions).
/// </summary>
public static class ClientNetworks
{
    public const string Unknown = "unknown";

    public static string Of(string? address)
    {
        if (address is null || !IPAddress.TryParse(address, out var ip))
            return Unknown;
        if (ip.IsIPv4MappedToIPv6)
            ip = ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
            return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
