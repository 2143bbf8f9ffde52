using Microsoft.Extensions.Configuration;

namespace MedPlatform.Hosting;

/// <summary>
/// The "Orleans" section, shared by silos and Api clients in cluster mode: which cluster to join
/// and, for silos, where to listen.
/// </summary>
public sealed class OrleansClusterOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "medplatform";
    public string ServiceId { get; set; } = "medplatform";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    /// <summary>The address other silos and clients reach this silo at; defaults to this host's first IPv4 address.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>Silos and clients must agree on these to find each other.</summary>
    public void ApplyTo(Orleans.Configuration.ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ServiceId;
    }

    public static OrleansClusterOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<OrleansClusterOptions>() ?? new OrleansClusterOptions();

    /// <summary>Cluster mode's connection strings; missing ones are named in the error.</summary>
    public static (string Redis, string MariaDb) RequireConnectionStrings(IConfiguration configuration, bool needsDatabase)
    {
        var redis = configuration.GetConnectionString("Redis");
        var mariaDb = configuration.GetConnectionString("MariaDb");
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(redis)) missing.Add("ConnectionStrings:Redis (environment ConnectionStrings__Redis)");
        if (needsDatabase && string.IsNullOrWhiteSpace(mariaDb)) missing.Add("ConnectionStrings:MariaDb (environment ConnectionStrings__MariaDb)");
        if (missing.Count > 0)
            throw new InvalidOperationException("Cluster mode needs " + string.Join(" and ", missing) + ".");
        return (redis!, mariaDb ?? "");
    }
}
