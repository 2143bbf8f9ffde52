using MedPlatform.Hosting;

namespace MedPlatform.Orders;

/// <summary>
/// At start-up: arms the periodic order sweep and starts one at once (without waiting for it), so
/// orders a stopped process left behind (embedded mode keeps reminders in memory) finish without
/// waiting a retry period.
/// </summary>
public sealed class OrderRecovery(IGrainFactory grains) : IBootstrapStep
{
    public int Order => 300;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sweep = grains.GetGrain<IOrderSweepGrain>(OrderSweepGrain.Key);
        await sweep.Start();
        await sweep.SweepNow();
    }
}
