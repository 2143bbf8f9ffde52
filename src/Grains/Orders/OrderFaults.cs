namespace MedPlatform.Orders;

/// <summary>The points in order processing where a fault can strike, in the order they are reached.</summary>
public enum OrderStep
{
    Reserve,
    DrawPrescriptions,
    Charge,
    /// <summary>The gateway has charged; the order has not yet recorded it.</summary>
    RecordPayment,
    Route,
    Refund,
    GiveBack,
}

/// <summary>
/// Called before each processing step. The platform's implementation does nothing; the fault
/// tests replace it to fail or "crash" processing at each step in turn and prove recovery.
/// </summary>
public interface IOrderFaults
{
    Task Before(string orderId, string patientId, OrderStep step);
}

public sealed class NoOrderFaults : IOrderFaults
{
    public Task Before(string orderId, string patientId, OrderStep step) => Task.CompletedTask;
}
