using System.Globalization;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>
/// Cluster mode as real processes on this machine: a throwaway MariaDB and Redis, two silos and two
/// Api instances. Membership timings are shortened so a killed silo is declared dead in seconds
/// instead of the production default of about 15 s.
/// </summary>
public sealed class ProcessCluster : IAsyncLifetime
{
    public const string AdminEmail = "admin@cluster-tests.test";
    public const string AdminPassword = "cluster-tests-admin-pass";
    private const string SigningKey = "cluster-tests-signing-key-0123456789-abcdef";

    private readonly string clusterId = "medplatform-test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<SiloProcess> silos = [];
    private readonly List<ApiProcess> apis = [];

    public MariaDbServer MariaDb { get; private set; } = null!;
    public RedisServer Redis { get; private set; } = null!;
    public IReadOnlyList<SiloProcess> Silos => silos;
    public IReadOnlyList<ApiProcess> Apis => apis;

    public async Task InitializeAsync()
    {
        MariaDb = await MariaDbServer.StartNewAsync();
        Redis = await RedisServer.StartNewAsync();
        await StartHostsAsync();
    }

    /// <summary>Starts two silos, then two Api instances, and waits until all are ready.</summary>
    public async Task StartHostsAsync()
    {
        silos.Clear();
        apis.Clear();
        silos.Add(await SiloProcess.StartAsync("silo-1", SiloEnvironment()));
        silos.Add(await SiloProcess.StartAsync("silo-2", SiloEnvironment()));
        apis.Add(await ApiProcess.StartAsync("api-1", ApiEnvironment()));
        apis.Add(await ApiProcess.StartAsync("api-2", ApiEnvironment()));
    }

    public async Task StopHostsAsync()
    {
        foreach (var api in apis)
            await api.StopAsync();
        foreach (var silo in silos)
            await silo.StopAsync();
    }

    /// <summary>Waits until every Api instance answers a sign-in again, e.g. after a silo died.</summary>
    public async Task WaitUntilServingAsync()
    {
        foreach (var api in apis)
        {
            var client = api.NewClient();
            await Poll.UntilAsync(async () =>
                (await client.PostAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword })).Status == System.Net.HttpStatusCode.OK,
                TimeSpan.FromSeconds(60), $"{api.Process.Name} to serve sign-ins");
        }
    }

    public IReadOnlyList<SiloProcess> LiveSilos => silos.Where(s => !s.Process.HasExited).ToList();

    public async Task<SiloProcess> StartSiloAsync(string name)
    {
        var silo = await SiloProcess.StartAsync(name, SiloEnvironment());
        silos.Add(silo);
        return silo;
    }

    public async Task DisposeAsync()
    {
        foreach (var api in apis)
            await api.DisposeAsync();
        foreach (var silo in silos)
            await silo.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
        if (MariaDb is not null) await MariaDb.DisposeAsync();
    }

    /// <summary>Runs a test body; if it fails, the failure carries what every process printed lately.</summary>
    public async Task Explain(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception e) when (e is not ExplainedException)
        {
            throw new ExplainedException(e.Message + "\n" + Diagnostics(), e);
        }
    }

    public sealed class ExplainedException(string message, Exception inner) : Exception(message, inner);

    /// <summary>Everything each process printed lately, for a failure message.</summary>
    public string Diagnostics() =>
        string.Join("\n", silos.Select(s => $"--- {s.Process.Name} ---\n{s.Process.RecentOutput(30)}")
            .Concat(apis.Select(a => $"--- {a.Process.Name} ---\n{a.Process.RecentOutput(30)}")));

    private Dictionary<string, string?> SiloEnvironment() => new()
    {
        ["ConnectionStrings__Redis"] = Redis.ConnectionString,
        ["ConnectionStrings__MariaDb"] = MariaDb.ConnectionString("medplatform"),
        ["Orleans__ClusterId"] = clusterId,
        ["Orleans__AdvertisedIPAddress"] = "127.0.0.1",
        ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
        ["Orleans__Membership__NumMissedProbesLimit"] = "2",
        ["Orleans__Membership__NumVotesForDeathDeclaration"] = "1",
        ["Orleans__Membership__TableRefreshTimeout"] = "00:00:02",
        ["Admin__Email"] = AdminEmail,
        ["Admin__Password"] = AdminPassword,
        ["Accounts__PasswordHashIterations"] = "10000",
        // A gateway round trip long enough for a silo to die with a charge made but not yet
        // recorded (the answer takes the second half), and quick retries after.
        ["Payments__SimulatedLatency"] = "00:00:02",
        ["Orders__RetryPeriod"] = "00:00:02",
    };

    private Dictionary<string, string?> ApiEnvironment() => new()
    {
        ["ConnectionStrings__Redis"] = Redis.ConnectionString,
        ["Orleans__ClusterId"] = clusterId,
        ["Jwt__SigningKey"] = SigningKey,
        ["Orleans__Gateway__GatewayListRefreshPeriod"] = "00:00:02",
        // Every request here comes from 127.0.0.1; failover polling must not trip the per-address limiter.
        ["RateLimits__AuthenticationPerMinute"] = "100000",
        ["RateLimits__CheckoutPerMinute"] = "100000",
    };
}

[CollectionDefinition(nameof(ClusterTopology))]
public sealed class ClusterTopology : ICollectionFixture<ProcessCluster>;
