using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MedPlatform.Api.Operations;

/// <summary>
/// The "Network" section: which proxies may tell us the client's address (X-Forwarded-For).
/// Loopback is always trusted; behind nginx in containers, list its address or network.
/// </summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Proxy addresses ("10.0.0.5") or networks ("172.16.0.0/12").</summary>
    public List<string> TrustedProxies { get; set; } = [];
}

public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var network = configuration.GetSection(NetworkOptions.Section).Get<NetworkOptions>() ?? new NetworkOptions();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var entry in network.TrustedProxies)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else
                    options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        return services;
    }
}
