using System.Net;
using System.Net.Sockets;
using MedPlatform.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Orleans.Configuration;
using StackExchange.Redis;

namespace MedPlatform.Silo;

public static class ClusterSilo
{
    /// <summary>
    /// A cluster-mode silo: Redis membership, MariaDB grain storage and reminders, and the same
    /// grains and services as embedded mode (<see cref="MedPlatformSilo.AddMedPlatform"/>).
    /// </summary>
    public static WebApplicationBuilder AddMedPlatformClusterSilo(this WebApplicationBuilder builder)
    {
        var (redis, mariaDb) = OrleansClusterOptions.RequireConnectionStrings(builder.Configuration, needsDatabase: true);
        var cluster = OrleansClusterOptions.From(builder.Configuration);
        builder.UseOrleans(silo => silo
            .UseRedisClustering(redis)
            .Configure<ClusterOptions>(cluster.ApplyTo)
            .Configure<EndpointOptions>(options =>
            {
                options.AdvertisedIPAddress = AdvertisedAddress(cluster.AdvertisedIPAddress);
                options.SiloPort = cluster.SiloPort;
                options.GatewayPort = cluster.GatewayPort;
                options.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.SiloPort);
                options.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.GatewayPort);
            })
            // How fast a dead silo is noticed; the defaults suit production, tests may shorten them.
            .Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:Membership"))
            .AddMedPlatform(PlatformStorage.MariaDb(mariaDb, builder.Configuration.GetConnectionString("OrdersDb")), builder.Configuration));
        // The Api instances' key ring: a two-factor secret one of them had encrypted is read here.
        var keys = ConfigurationOptions.Parse(redis);
        keys.AbortOnConnectFail = false; // Redis may come up after the silo: keep trying in the background.
        builder.Services.AddDataProtection().PersistKeysToStackExchangeRedis(ConnectionMultiplexer.Connect(keys), PlatformDataProtection.RedisKey)
            .ProtectKeysAsConfigured(builder.Configuration, "in Redis", PlatformDataProtection.UnencryptedInRedis, warn: true);
        return builder;
    }

    private static IPAddress AdvertisedAddress(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return IPAddress.Parse(configured);
        // In a container the host name resolves to the address other containers reach us at.
        var addresses = Dns.GetHostAddresses(Dns.GetHostName());
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
