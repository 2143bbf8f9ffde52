namespace MedPlatform.Hosting;

/// <summary>One piece of start-up data: reference data, the first admin, demo content. Must be idempotent.</summary>
public interface IBootstrapStep
{
    /// <summary>Steps run in ascending order: reference data first, then accounts, then content that needs both.</summary>
    int Order { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Runs the bootstrap steps in order once the silo is active. Every silo runs them; each step is
/// idempotent, so a cluster of several silos seeds everything exactly once.
/// </summary>
public sealed class PlatformBootstrap(IEnumerable<IBootstrapStep> steps) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        foreach (var step in steps.OrderBy(s => s.Order))
            await step.RunAsync(cancellationToken);
    }
}
