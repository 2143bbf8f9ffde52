using System.Globalization;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>
/// Cluster mode as real processes on this machine: a throwaway MariaDB and Redis, two silos and two
/// Api instances; with <see cref="GatewayCluster"/> also the payment service and nginx in front, as
/// scripts/cluster.sh runs them. Membership timings are shortened so a killed silo is declared dead
/// in seconds instead of the production default of about 15 s.
/// </summary>
public class ProcessCluster : IAsyncLifetime
{
    public const string AdminEmail = "admin@cluster-tests.test";
    public const string AdminPassword = "cluster-tests-admin-pass";
    private const string SigningKey = "cluster-tests-signing-key-0123456789-abcdef";

    private readonly string clusterId = "medplatform-test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<SiloProcess> silos = [];
    private readonly List<ApiProcess> apis = [];
    private readonly bool withEdges;
    private int started;

    public ProcessCluster()
        : this(withEdges: false)
    {
    }

    protected ProcessCluster(bool withEdges)
    {
        this.withEdges = withEdges;
        if (withEdges)
        {
            PaymentService = new PaymentServiceProcess();
            Gateway = new NginxGateway { Mailbox = new MailboxFolder(Mailbox), Authenticators = Authenticators };
        }
    }

    /// <summary>The payment service the silos call (only with the gateway topology).</summary>
    public PaymentServiceProcess? PaymentService { get; }

    /// <summary>nginx in front of the Api instances (only with the gateway topology).</summary>
    public NginxGateway? Gateway { get; }

    public MariaDbServer MariaDb { get; private set; } = null!;

    /// <summary>Where every silo writes mail (no SMTP server here): all silos share the one outbox, and each message lands once.</summary>
    public string Mailbox { get; } = Directory.CreateTempSubdirectory("medplatform-cluster-mail-").FullName;
    public RedisServer Redis { get; private set; } = null!;
    public IReadOnlyList<SiloProcess> Silos => silos;
    public IReadOnlyList<ApiProcess> Apis => apis;

    /// <summary>The staff's authenticator apps, shared by every client of this cluster (its Api instances and nginx alike: one database).</summary>
    public Authenticators Authenticators { get; } = new();

    public async Task InitializeAsync()
    {
        MariaDb = await MariaDbServer.StartNewAsync();
        Redis = await RedisServer.StartNewAsync();
        if (PaymentService is not null)
            await PaymentService.StartAsync();
        await StartHostsAsync();
        if (Gateway is not null)
            await Gateway.StartAsync(apis.Select(a => a.BaseAddress));
    }

    /// <summary>Starts two silos, then two Api instances, and waits until all are ready.</summary>
    public async Task StartHostsAsync()
    {
        silos.Clear();
        apis.Clear();
        await StartSiloAsync();
        await StartSiloAsync();
        apis.Add(await StartApiAsync());
        apis.Add(await StartApiAsync());
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

    /// <summary>Starts silos until <paramref name="count"/> are running (an earlier test may have left fewer).</summary>
    public async Task EnsureSilosAsync(int count)
    {
        while (LiveSilos.Count < count)
            await StartSiloAsync();
        await WaitUntilServingAsync();
    }

    public async Task<SiloProcess> StartSiloAsync()
    {
        var silo = await SiloProcess.StartAsync(NextName("silo"), SiloEnvironment(), exportMetrics: withEdges);
        silos.Add(silo);
        return silo;
    }

    /// <summary>Replaces a silo the way a rolling upgrade does: start the new one, then shut the old one down gracefully.</summary>
    public async Task ReplaceSiloAsync(SiloProcess silo)
    {
        await StartSiloAsync();
        await silo.StopAsync();
        silos.Remove(silo);
        await silo.DisposeAsync();
    }

    /// <summary>
    /// Restarts an Api instance the way an operator does behind nginx: drain it from the upstream
    /// list, stop it once its requests are done, start the new one, route to it again.
    /// </summary>
    public async Task RestartApiAsync(ApiProcess api)
    {
        var others = apis.Where(a => a != api).ToList();
        if (Gateway is not null)
            await Gateway.RouteToAsync(others.Select(a => a.BaseAddress));
        await api.StopAsync();
        apis.Remove(api);
        await api.DisposeAsync();
        var replacement = await StartApiAsync();
        apis.Add(replacement);
        if (Gateway is not null)
            await Gateway.RouteToAsync(apis.Select(a => a.BaseAddress));
    }

    private async Task<ApiProcess> StartApiAsync()
    {
        var api = await ApiProcess.StartAsync(NextName("api"), ApiEnvironment());
        api.Mailbox = new MailboxFolder(Mailbox);
        api.Authenticators = Authenticators;
        return api;
    }

    private string NextName(string kind) => $"{kind}-{Interlocked.Increment(ref started).ToString(CultureInfo.InvariantCulture)}";

    public async Task DisposeAsync()
    {
        foreach (var api in apis)
            await api.DisposeAsync();
        foreach (var silo in silos)
            await silo.DisposeAsync();
        if (Gateway is not null) await Gateway.DisposeAsync();
        if (PaymentService is not null) await PaymentService.DisposeAsync();
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
            .Concat(apis.Select(a => $"--- {a.Process.Name} ---\n{a.Process.RecentOutput(30)}"))
            .Append(PaymentService is null ? "" : $"--- payments ---\n{PaymentService.RecentOutput}")
            .Append(Gateway is null ? "" : $"--- nginx ---\n{Gateway.RecentOutput}"));

    private Dictionary<string, string?> SiloEnvironment() => new()
    {
        ["Payments__ServiceUrl"] = PaymentService?.BaseAddress.ToString(),
        ["Payments__ApiKey"] = PaymentService is null ? null : PaymentServiceProcess.ApiKey,
        ["Payments__KeyRefreshPeriod"] = "00:00:03",
        ["ConnectionStrings__Redis"] = Redis.ConnectionString,
        ["ConnectionStrings__MariaDb"] = MariaDb.ConnectionString("medplatform"),
        ["Orleans__ClusterId"] = clusterId,
        ["Observability__JsonLogs"] = "false",
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
        ["Mail__MailboxDirectory"] = Mailbox,
        // Mail that failed is tried again within seconds, and a dead silo's lease on mail runs out in five.
        ["Mail__FirstRetryDelay"] = "00:00:01",
        ["Mail__MaxRetryDelay"] = "00:00:02",
        ["Mail__Lease"] = "00:00:05",
    };

    private Dictionary<string, string?> ApiEnvironment() => new()
    {
        ["ConnectionStrings__Redis"] = Redis.ConnectionString,
        ["Orleans__ClusterId"] = clusterId,
        ["Observability__JsonLogs"] = "false",
        ["Jwt__SigningKey"] = SigningKey,
        ["Orleans__Gateway__GatewayListRefreshPeriod"] = "00:00:02",
        // Every request here comes from 127.0.0.1; failover polling must not trip the per-address limiter.
        ["RateLimits__AuthenticationPerMinute"] = "100000",
        ["RateLimits__CheckoutPerMinute"] = "100000",
    };
}

/// <summary>The whole topology: the payment service and nginx besides the silos and Api instances.</summary>
public sealed class GatewayCluster() : ProcessCluster(withEdges: true);

[CollectionDefinition(nameof(ClusterTopology))]
public sealed class ClusterTopology : ICollectionFixture<ProcessCluster>;

[CollectionDefinition(nameof(GatewayTopology))]
public sealed class GatewayTopology : ICollectionFixture<GatewayCluster>;
