using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedPlatform.Payments;

/// <summary>Ready once the ledger's schema is in place and the database answers.</summary>
public sealed class LedgerReadiness([FromKeyedServices(Databases.Payments)] SqlDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.CountAsync("SELECT COUNT(*) FROM gateway_charges;", cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy("The ledger answers.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The ledger cannot be read: {e.GetType().Name}");
        }
    }
}
