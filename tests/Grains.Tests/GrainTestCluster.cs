using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace MedPlatform.Grains.Tests;

/// <summary>
/// Real grains on an in-process Orleans cluster: grain state in memory, the read models and the
/// audit log in a throwaway SQLite file (with the real schema), and a clock the tests can move.
/// </summary>
public sealed class GrainTestCluster : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("medplatform-grains-").FullName;
    private InProcessTestCluster? cluster;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    /// <summary>Shared with the in-process silo: tests arm it to crash order processing at a step.</summary>
    public ScriptedOrderFaults Faults { get; } = new();
    public SqlDatabase Database { get; private set; } = null!;
    public SqlDatabase OrdersDatabase { get; private set; } = null!;
    public IClusterClient Client => cluster!.Client;
    public IGrainFactory Grains => cluster!.Client;

    public async Task InitializeAsync()
    {
        Database = SqlDatabase.SqliteFile(Databases.Platform, Path.Combine(directory, "readmodels.db"));
        OrdersDatabase = SqlDatabase.SqliteFile(Databases.Orders, Path.Combine(directory, "orders.db"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Cheap hashing keeps the suite fast; the algorithm is the production one.
            ["Accounts:PasswordHashIterations"] = "1000",
            ["Admin:Email"] = "admin@grains.test",
            ["Admin:Password"] = "grain-admin-pass",
            // Failed order steps are retried by the order sweep this often.
            ["Orders:RetryPeriod"] = "00:00:01",
        }).Build();

        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(new PlatformClock(Clock));
            silo.Services.AddSingleton<MedPlatform.Orders.IOrderFaults>(Faults);
            silo.AddMedPlatformServices(Database, OrdersDatabase, configuration);
            foreach (var name in StorageNames.All)
                silo.AddMemoryGrainStorage(name);
            silo.UseInMemoryReminderService();
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public Task Deactivate(IAddressable grain) => cluster!.DeactivateAsync(grain);

    public async Task DisposeAsync()
    {
        if (cluster is not null)
            await cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(nameof(GrainCluster))]
public sealed class GrainCluster : ICollectionFixture<GrainTestCluster>;
