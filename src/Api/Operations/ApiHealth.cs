using MedPlatform.Operations;
using MedPlatform.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedPlatform.Api.Operations;

/// <summary>The Api is ready when the cluster and its storage answer (the endpoints are in ServiceDefaults).</summary>
public static class ApiHealth
{
    public static IServiceCollection AddMedPlatformHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ClusterReadiness>("cluster", tags: [HealthEndpoints.Ready]);
        return services;
    }

    /// <summary>Ready when a grain call reaches a silo and that silo reaches its database, within a few seconds.</summary>
    private sealed class ClusterReadiness(IGrainFactory grains) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var problem = await grains.GetGrain<IReadinessGrain>(0).Check().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                return problem is null ? HealthCheckResult.Healthy("Cluster and storage reachable.") : HealthCheckResult.Unhealthy(problem);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"The cluster did not answer: {e.GetType().Name}");
            }
        }
    }
}
