using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedPlatform.Orders;

/// <summary>The order service's one retry loop.</summary>
public interface IOrderSweepGrain : IGrainWithStringKey
{
    /// <summary>Arms the periodic sweep (idempotent: every silo calls it at start-up).</summary>
    Task Start();

    /// <summary>
    /// Starts a sweep now: resumes every order the read model marks as having an automatic step or
    /// an exit to finish. One-way, so a silo's start-up does not wait on thousands of orders.
    /// </summary>
    [Orleans.Concurrency.OneWay]
    Task SweepNow();
}

/// <summary>
/// Re-drives orders left with work to do: a silo that died mid-step, a payment gateway that was
/// down, a placement that failed after its marker row was written. One reminder for the whole
/// service rather than one per order, so an order that goes through writes no reminder rows.
/// Resuming an order that is already moving only queues behind its current step, which then
/// finds nothing left to do.
/// </summary>
public sealed partial class OrderSweepGrain(
    OrderDirectory directory,
    IOptions<OrderOptions> options,
    ILogger<OrderSweepGrain> logger) : Grain, IOrderSweepGrain, IRemindable
{
    public const string Key = "orders";
    private const string ReminderName = "order-sweep";
    // Enough to drain a backlog (thousands of orders after a payment outage) in seconds without flooding the silos.
    private const int InParallel = 64;

    public Task Start() => this.RegisterOrUpdateReminder(ReminderName, options.Value.RetryPeriod, options.Value.RetryPeriod);

    public Task ReceiveReminder(string reminderName, TickStatus status) => Sweep();

    public Task SweepNow() => Sweep();

    private async Task Sweep()
    {
        var pending = await directory.NeedingProcessing();
        // A window rather than batches: one slow order does not hold up the next ones.
        var running = new List<Task>(InParallel);
        foreach (var orderId in pending)
        {
            if (running.Count == InParallel)
                running.Remove(await Task.WhenAny(running));
            running.Add(Resume(orderId));
        }
        await Task.WhenAll(running);
        if (pending.Count > 0)
            LogSwept(pending.Count);
    }

    private async Task Resume(string orderId)
    {
        try
        {
            if (await GrainFactory.GetGrain<IOrderPlacement>(orderId).Placed() is null)
            {
                // Its placement failed before the order was saved; the patient was told so.
                await directory.Forget(orderId);
                return;
            }
            await GrainFactory.GetGrain<IOrderGrain>(orderId).Resume();
        }
        catch (Exception e)
        {
            // The next sweep tries again.
            LogResumeFailed(e, orderId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} orders with work left")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} could not be resumed; the next sweep retries it")]
    private partial void LogResumeFailed(Exception exception, string orderId);
}
