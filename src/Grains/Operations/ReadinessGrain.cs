using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace MedPlatform.Operations;

[StatelessWorker]
public sealed class ReadinessGrain([FromKeyedServices(Databases.Platform)] SqlDatabase platform) : Grain, IReadinessGrain
{
    public async Task<string?> Check()
    {
        try
        {
            await platform.CountAsync("SELECT 1;");
            return null;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return $"The {platform.Name} database is not reachable: {e.GetType().Name}";
        }
    }
}
