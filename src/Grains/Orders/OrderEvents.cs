namespace MedPlatform.Orders;

/// <summary>The order-processing stream: one event when an order is placed, keyed by the order id.</summary>
public static class OrderEvents
{
    public const string StreamProvider = "orders";
    public const string PlacedNamespace = "orders.placed";
}

[GenerateSerializer, Immutable, Alias("MedPlatform.OrderPlaced")]
public sealed record OrderPlaced([property: Id(0)] string OrderId, [property: Id(1)] DateTimeOffset At);
