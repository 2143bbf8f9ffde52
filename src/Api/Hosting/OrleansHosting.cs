using MedPlatform.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace MedPlatform.Api.Hosting;

public enum RunMode
{
    /// <summary>One process: the Api co-hosts a silo with SQLite storage.</summary>
    Embedded,
    /// <summary>The Api is an Orleans client of separate silos (Redis membership, MariaDB storage).</summary>
    Cluster,
}

public static class OrleansHosting
{
    /// <summary>Cluster mode when a Redis connection string is configured, embedded mode otherwise.</summary>
    public static RunMode RunModeOf(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")) ? RunMode.Embedded : RunMode.Cluster;

    public static WebApplicationBuilder AddMedPlatformOrleans(this WebApplicationBuilder builder)
    {
        var mode = RunModeOf(builder.Configuration);
        builder.Services.AddSingleton(new RunModeInfo(mode));
        if (mode == RunMode.Embedded)
        {
            var embedded = builder.Configuration.GetSection(EmbeddedOptions.Section).Get<EmbeddedOptions>() ?? new EmbeddedOptions();
            var cluster = OrleansClusterOptions.From(builder.Configuration);
            builder.Services.AddSingleton(embedded);
            // Zero set-up: with no SMTP server, mail is written to the data directory's mailbox folder.
            builder.Services.PostConfigure<MedPlatform.Mail.MailOptions>(mail => mail.MailboxDirectory ??= Path.Combine(embedded.FullDataDirectory, "mailbox"));
            builder.UseOrleans(silo => silo
                // No gateway: the only client is this process.
                .UseLocalhostClustering(siloPort: embedded.SiloPort, gatewayPort: 0, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId)
                .AddMedPlatform(PlatformStorage.Embedded(embedded.FullDataDirectory), builder.Configuration));
        }
        else
        {
            var (redis, _) = OrleansClusterOptions.RequireConnectionStrings(builder.Configuration, needsDatabase: false);
            var cluster = OrleansClusterOptions.From(builder.Configuration);
            builder.UseOrleansClient(client => client
                .UseRedisClustering(redis)
                .Configure<ClusterOptions>(cluster.ApplyTo)
                // How often the client re-reads the list of live gateways from Redis.
                .Configure<GatewayOptions>(builder.Configuration.GetSection("Orleans:Gateway"))
                // A call in flight to a silo that is killed gets no answer at all; every grain call
                // here takes milliseconds, so give up after 10 s (not Orleans' 30 s) and answer 503.
                .Configure<ClientMessagingOptions>(messaging =>
                {
                    messaging.ResponseTimeout = TimeSpan.FromSeconds(10);
                    builder.Configuration.GetSection("Orleans:Messaging").Bind(messaging);
                })
                .UseConnectionRetryFilter<ClusterConnectionRetry>()
                .ConfigureServices(services => services.AddGrainInterfaceTypeCache().AddDatabaseExceptionSerialization())
                // Grain calls carry the request's trace to the silos.
                .AddActivityPropagation()
                // The dashboard's pages are served here (behind the admin policy); its data comes from the silos.
                .AddDashboard());
        }
        return builder;
    }
}

/// <summary>Which mode this process runs in, for the parts of the Api that differ (signing key, banner).</summary>
public sealed record RunModeInfo(RunMode Mode);
