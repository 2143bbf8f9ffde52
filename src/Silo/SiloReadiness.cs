using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace MedPlatform.Silo;

/// <summary>Ready when this silo is an active member of the cluster and its database answers.</summary>
public sealed class SiloReadiness(
    ILocalSiloDetails local,
    IClusterMembershipService membership,
    [FromKeyedServices(Databases.Platform)] SqlDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        if (status != SiloStatus.Active)
            return HealthCheckResult.Unhealthy($"The silo is {status}, not an active member yet.");
        try
        {
            await database.CountAsync("SELECT COUNT(*) FROM schema_migrations;", cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy("Active member; the database answers.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"The database did not answer: {e.GetType().Name}");
        }
    }
}
