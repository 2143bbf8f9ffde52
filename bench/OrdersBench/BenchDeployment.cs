using System.Globalization;
using MedPlatform.TestSupport;

namespace MedPlatform.OrdersBench;

/// <summary>
/// Where the orders go: the Api in embedded mode (SQLite, one process), or a cluster of real
/// processes (MariaDB, Redis, two silos, one Api instance) in throwaway directories.
/// </summary>
public sealed class BenchDeployment : IAsyncDisposable
{
    public const string AdminEmail = "admin@orders-bench.test";
    public const string AdminPassword = "orders-bench-admin-pass";

    private readonly List<IAsyncDisposable> processes = [];
    private readonly string? dataDirectory;

    private BenchDeployment(string description, string? dataDirectory)
    {
        Description = description;
        this.dataDirectory = dataDirectory;
    }

    public string Description { get; }
    public ApiProcess Api { get; private set; } = null!;

    /// <summary>Cluster mode's database, for its raw commit rate.</summary>
    public MariaDbServer? MariaDb { get; private set; }

    /// <summary>Where the platform writes its mail (no SMTP server here): patients confirm their addresses from it before they order.</summary>
    public IMailbox Mailbox { get; private set; } = null!;

    public static async Task<BenchDeployment> EmbeddedAsync(int gatewayLatencyMs, bool notificationsOff)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("medplatform-orders-bench-").FullName;
        var deployment = new BenchDeployment("embedded mode (SQLite)", dataDirectory);
        var environment = Platform(gatewayLatencyMs, notificationsOff);
        foreach (var (name, value) in Edge())
            environment[name] = value;
        environment["Embedded__DataDirectory"] = dataDirectory;
        environment["Embedded__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        deployment.Api = await ApiProcess.StartAsync("api", environment);
        deployment.processes.Add(deployment.Api);
        deployment.Mailbox = deployment.Api.Mailbox!;
        return deployment;
    }

    public static async Task<BenchDeployment> ClusterAsync(int gatewayLatencyMs, bool notificationsOff)
    {
        var deployment = new BenchDeployment("cluster mode (two silos, MariaDB, Redis; one Api instance)", dataDirectory: null);
        try
        {
            var mariaDb = deployment.MariaDb = await MariaDbServer.StartNewAsync();
            deployment.processes.Add(mariaDb);
            var redis = await RedisServer.StartNewAsync();
            deployment.processes.Add(redis);
            var clusterId = "medplatform-bench-" + Guid.NewGuid().ToString("N")[..8];
            var mailbox = Directory.CreateTempSubdirectory("medplatform-bench-mail-").FullName;
            deployment.Mailbox = new MailboxFolder(mailbox);
            for (var i = 1; i <= 2; i++)
            {
                deployment.processes.Add(await SiloProcess.StartAsync($"silo-{i}", new Dictionary<string, string?>(Platform(gatewayLatencyMs, notificationsOff))
                {
                    ["ConnectionStrings__Redis"] = redis.ConnectionString,
                    ["ConnectionStrings__MariaDb"] = mariaDb.ConnectionString("medplatform"),
                    ["Orleans__ClusterId"] = clusterId,
                    ["Mail__MailboxDirectory"] = mailbox,
                    ["Orleans__AdvertisedIPAddress"] = "127.0.0.1",
                    ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                    ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                }));
            }
            deployment.Api = await ApiProcess.StartAsync("api", new Dictionary<string, string?>(Edge())
            {
                ["ConnectionStrings__Redis"] = redis.ConnectionString,
                ["Orleans__ClusterId"] = clusterId,
                ["Jwt__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            });
            deployment.processes.Add(deployment.Api);
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
        return deployment;
    }

    // What the silo side needs: the admin the benchmark signs in as, cheap hashing (signing in 400
    // patients is not what is measured) the simulated gateway's latency, and notifications on or off.
    private static Dictionary<string, string?> Platform(int gatewayLatencyMs, bool notificationsOff) => new()
    {
        ["Admin__Email"] = AdminEmail,
        ["Admin__Password"] = AdminPassword,
        ["Accounts__PasswordHashIterations"] = "1000",
        ["Payments__SimulatedLatency"] = TimeSpan.FromMilliseconds(gatewayLatencyMs).ToString("c", CultureInfo.InvariantCulture),
        ["Observability__JsonLogs"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Notifications__Enabled"] = notificationsOff ? "false" : "true",
    };

    // What the Api side needs: every request comes from one address, so the per-address limits are lifted.
    private static Dictionary<string, string?> Edge() => new()
    {
        ["RateLimits__AuthenticationPerMinute"] = "1000000",
        ["RateLimits__CheckoutPerMinute"] = "1000000",
        ["Observability__JsonLogs"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>What the Api and silos printed lately, for a failed run.</summary>
    public string RecentOutput() => string.Join(Environment.NewLine, processes.Select(process => process switch
    {
        ApiProcess api => $"--- {api.Process.Name} ---{Environment.NewLine}{api.Process.RecentOutput(400)}",
        SiloProcess silo => $"--- {silo.Process.Name} ---{Environment.NewLine}{silo.Process.RecentOutput(400)}",
        _ => "",
    }));

    public async ValueTask DisposeAsync()
    {
        for (var i = processes.Count - 1; i >= 0; i--)
            await processes[i].DisposeAsync();
        if (dataDirectory is not null)
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
