using MedPlatform.Hosting;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Orders;

/// <summary>
/// The start-up sweep: resumes every order the read model marks as having an automatic step or an
/// exit to finish. Reminders do the same while a cluster runs; in embedded mode reminders live in
/// memory, so this is what finishes orders a stopped process left behind.
/// </summary>
public sealed partial class OrderRecovery(OrderDirectory directory, IGrainFactory grains, ILogger<OrderRecovery> logger) : IBootstrapStep
{
    public int Order => 300;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = await directory.NeedingProcessing();
        foreach (var orderId in pending)
        {
            var order = grains.GetGrain<IOrderPlacement>(orderId);
            try
            {
                if (await order.Placed() is null)
                {
                    // Its placement failed before the order was saved; the patient was told so.
                    await directory.Forget(orderId);
                    continue;
                }
                await grains.GetGrain<IOrderGrain>(orderId).Resume();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogResumeFailed(e, orderId);
            }
        }
        if (pending.Count > 0)
            LogSwept(pending.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} orders left unfinished")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} could not be resumed at start-up; its reminder will retry")]
    private partial void LogResumeFailed(Exception exception, string orderId);
}
