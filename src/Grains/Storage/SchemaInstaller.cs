using MedPlatform.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Storage;

/// <summary>
/// Migrates the silo's databases at the very first lifecycle stage, before Orleans' storage
/// providers read their queries from the OrleansQuery table; at the very end of shutdown, after
/// the last grain has written its state, closes the connections kept open for writing.
/// </summary>
public sealed class SchemaInstaller(
    SchemaMigrator migrator,
    [FromKeyedServices(Databases.Platform)] SqlDatabase platform,
    [FromKeyedServices(Databases.Orders)] SqlDatabase orders) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInstaller), ServiceLifecycleStage.First, async cancellationToken =>
        {
            await migrator.MigrateAsync(platform, cancellationToken);
            await migrator.MigrateAsync(orders, cancellationToken);
        }, async _ =>
        {
            await platform.CloseAsync();
            await orders.CloseAsync();
        });
}
