using MedPlatform.Common;
using MedPlatform.Mall;
using MedPlatform.Orders;
using MedPlatform.Storage;
using MedPlatform.TestSupport;

namespace MedPlatform.Grains.Tests;

/// <summary>Orders arranged and observed through the real grains, the simulated gateway's ledger and the products.</summary>
internal static class OrderActors
{
    public const string GoodCard = "4242 4242 4242 4242";

    public static CardDetails Card(string number = GoodCard) => new(number, 12, 2030, "123");

    public static readonly ShippingAddress Address = new("Alice Patient", "1 Main Street", "Berlin", "10115", "DE");

    public static async Task<OrderView> Checkout(GrainTestCluster cluster, Caller patient, string? key = null, string card = GoodCard) =>
        await cluster.Grains.GetGrain<ICheckoutGrain>(CheckoutGrain.KeyFor(patient.UserId, key ?? Guid.NewGuid().ToString("N")))
            .Checkout(patient, Address, Card(card));

    public static Task<CartView> AddToCart(GrainTestCluster cluster, Caller patient, string productId, int quantity, string? prescriptionId = null) =>
        cluster.Grains.GetGrain<ICartGrain>(patient.UserId).SetLine(patient, productId, quantity, prescriptionId);

    /// <summary>Waits (the order sweep retries failed steps every second) until the order is in <paramref name="status"/>.</summary>
    public static async Task<OrderView> WaitFor(GrainTestCluster cluster, Caller viewer, string orderId, OrderStatus status)
    {
        OrderView? last = null;
        await Poll.UntilAsync(async () =>
        {
            last = await cluster.Grains.GetGrain<IOrderGrain>(orderId).View(viewer);
            return last.Status == status;
        }, TimeSpan.FromSeconds(20), $"order {orderId} to be {status} (it is {last?.Status})");
        return last!;
    }

    public static async Task<int> Stock(GrainTestCluster cluster, string productId) =>
        (await cluster.Grains.GetGrain<IProductGrain>(productId).Find())!.Stock;

    public static async Task<int> Remaining(GrainTestCluster cluster, Caller patient, string prescriptionId) =>
        (await cluster.Grains.GetGrain<IPrescriptionGrain>(prescriptionId).View(patient)).Items.Single().Remaining;

    /// <summary>
    /// What the simulated gateway recorded for an order: how many requests actually charged the
    /// card (a retry that found the charge already made is logged differently), and the charge's
    /// status now: charged, refunded, voided (refunded before any charge) or null.
    /// </summary>
    public static async Task<(long Charges, string? Status)> Ledger(GrainTestCluster cluster, string orderId)
    {
        var rows = await cluster.OrdersDatabase.QueryAsync("SELECT status FROM gateway_charges WHERE order_id = @id;",
            c => c.Bind("id", orderId), r => r.GetString(0));
        var charged = await cluster.OrdersDatabase.CountAsync(
            "SELECT COUNT(*) FROM gateway_requests WHERE order_id = @id AND operation = 'charge' AND outcome = 'charged';", c => c.Bind("id", orderId));
        return (charged, rows.SingleOrDefault());
    }
}
