using MedPlatform.Common;

namespace MedPlatform.Orders;

/// <summary>
/// One order, keyed by order id: the order state machine, its history and its payment reference.
/// Automatic steps (reserve, draw prescriptions, charge, route) run from a stream event and are
/// re-driven by the order sweep (periodic, and at start-up) until the order reaches a step that waits for a
/// person; every step is idempotent by order id.
/// </summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// The order for its patient or staff; 404 for anyone else. Interleaves with processing, so the
    /// order can be read while a payment is in flight.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<OrderView> View(Caller viewer);

    /// <summary>
    /// Waits until the order has changed past <paramref name="knownVersion"/> (or the wait times out)
    /// and returns it. For live status; does not block the order's other calls.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    // Longer than the longest wait the Api asks for; other calls keep the client's short timeout.
    [ResponseTimeout("00:00:30")]
    Task<OrderView> WaitForChange(Caller viewer, int knownVersion, TimeSpan wait);

    /// <summary>Its patient before shipping, or staff. Before payment: cancelled; after: refunded. 409 once shipped.</summary>
    Task<OrderView> Cancel(Caller caller);

    /// <summary>A pharmacist passes the prescription review.</summary>
    Task<OrderView> Approve(Caller pharmacist);

    /// <summary>A pharmacist refuses the order: refund, stock and prescriptions restored.</summary>
    Task<OrderView> Reject(Caller pharmacist, string reason);

    Task<OrderView> Ship(Caller pharmacist, string trackingNumber);

    Task<OrderView> Deliver(Caller pharmacist);

    /// <summary>Runs whatever automatic step is due. Safe to call at any time, any number of times.</summary>
    Task Resume();
}

/// <summary>
/// Checkout, keyed by "checkout:{patientId}:{idempotency key}": the same key from the same patient
/// always answers the same order and never places a second one.
/// </summary>
public interface ICheckoutGrain : IGrainWithStringKey
{
    /// <summary>Places an order for the patient's cart (422 if it is empty or has lines that cannot be bought) and empties the cart.</summary>
    Task<OrderView> Checkout(Caller patient, ShippingAddress address, CardDetails card);
}

[GenerateSerializer, Immutable, Alias("MedPlatform.OrderQuery")]
public sealed record OrderQuery([property: Id(0)] OrderStatus? Status, [property: Id(1)] PageRequest Paging,
    /// <summary>For staff: the one order with this number (MP-7F3K2Q), whatever its status.</summary>
    [property: Id(2)] string? Number = null);

/// <summary>The order lists, from the orders read model.</summary>
public interface IOrdersGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// A patient's own orders in a status, newest first. With no status, every order but the payment
    /// attempts that failed: those put their items back in the cart and are not orders to the patient.
    /// </summary>
    Task<PagedResult<OrderView>> Mine(Caller patient, OrderQuery query);

    /// <summary>The pharmacy's queue: orders by status (all when null), oldest first.</summary>
    Task<PagedResult<OrderView>> Queue(Caller staff, OrderQuery query);
}
