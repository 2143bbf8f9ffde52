using System.Text.Json;
using MedPlatform.Operations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedPlatform.Api.Operations;

/// <summary>/health/live: the process answers. /health/ready: the cluster and its storage answer too.</summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddMedPlatformHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ClusterReadiness>("cluster", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson })
            .AllowAnonymous().WithTags("Operations");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteJson })
            .AllowAnonymous().WithTags("Operations");
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        }));
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
