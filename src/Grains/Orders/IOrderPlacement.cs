using MedPlatform.Common;

namespace MedPlatform.Orders;

/// <summary>What checkout hands the Order grain: the cart as priced by the catalog, and a card token (never the card).</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.PlaceOrder")]
public sealed record PlaceOrder(
    [property: Id(0)] Caller Patient,
    [property: Id(1)] string CheckoutKey,
    [property: Id(2)] IReadOnlyList<OrderItemView> Items,
    [property: Id(3)] ShippingAddress Address,
    [property: Id(4)] string PaymentToken,
    [property: Id(5)] string CardLast4);

/// <summary>Placing an order: only checkout calls it, so it is kept out of the Api's contract.</summary>
public interface IOrderPlacement : IGrainWithStringKey
{
    /// <summary>The order if it has been placed, whoever asks (checkout has already checked the caller).</summary>
    Task<OrderView?> Placed();

    /// <summary>Places the order (persisted before anything else happens) and starts processing. Idempotent for one checkout key.</summary>
    Task<OrderView> Place(PlaceOrder order);

    /// <summary>For a retried checkout of a placed order: makes sure it is being processed, and returns it.</summary>
    Task<OrderView> Confirm();
}
