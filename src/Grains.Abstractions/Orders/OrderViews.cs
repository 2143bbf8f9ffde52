using MedPlatform.Common;

namespace MedPlatform.Orders;

/// <summary>
/// placed → stockReserved → paid → (awaitingReview →) readyToShip → shipped → delivered;
/// side exits paymentFailed, cancelled (before payment) and refunded (after payment).
/// </summary>
[GenerateSerializer, Alias("MedPlatform.OrderStatus")]
public enum OrderStatus
{
    Placed = 0,
    StockReserved = 1,
    Paid = 2,
    AwaitingReview = 3,
    ReadyToShip = 4,
    Shipped = 5,
    Delivered = 6,
    PaymentFailed = 7,
    Cancelled = 8,
    Refunded = 9,
}

public static class OrderStatuses
{
    /// <summary>Whether the order can change no more.</summary>
    public static bool IsFinal(this OrderStatus status) =>
        status is OrderStatus.Delivered or OrderStatus.PaymentFailed or OrderStatus.Cancelled or OrderStatus.Refunded;
}

[GenerateSerializer, Immutable, Alias("MedPlatform.ShippingAddress")]
public sealed record ShippingAddress(
    [property: Id(0)] string Name,
    [property: Id(1)] string Line1,
    [property: Id(2)] string City,
    [property: Id(3)] string PostalCode,
    [property: Id(4)] string Country);

/// <summary>
/// A card as typed at checkout. Only ever passed to the payment gateway to be exchanged for a
/// token; never stored, and never printed (ToString hides it).
/// </summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.CardDetails")]
public sealed record CardDetails(
    [property: Id(0)] string Number,
    [property: Id(1)] int ExpiryMonth,
    [property: Id(2)] int ExpiryYear,
    [property: Id(3)] string Cvc)
{
    public override string ToString() => "CardDetails { redacted }";
}

[GenerateSerializer, Immutable, Alias("MedPlatform.OrderItemView")]
public sealed record OrderItemView(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] long UnitPriceCents,
    [property: Id(4)] string? PrescriptionId);

[GenerateSerializer, Immutable, Alias("MedPlatform.OrderHistoryEntry")]
public sealed record OrderHistoryEntry(
    [property: Id(0)] OrderStatus Status,
    [property: Id(1)] DateTimeOffset At,
    /// <summary>Who moved the order on: a user id, or null for the order service itself.</summary>
    [property: Id(2)] string? ActorId,
    [property: Id(3)] string? Note);

[GenerateSerializer, Immutable, Alias("MedPlatform.OrderView")]
public sealed record OrderView(
    [property: Id(0)] string Id,
    [property: Id(1), HiddenFromClients] string PatientId,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] long TotalCents,
    [property: Id(4)] IReadOnlyList<OrderItemView> Items,
    [property: Id(5)] ShippingAddress ShippingAddress,
    [property: Id(6)] string? TrackingNumber,
    [property: Id(7)] IReadOnlyList<OrderHistoryEntry> History,
    [property: Id(8)] string CardLast4,
    [property: Id(9)] string? PaymentId,
    [property: Id(10)] DateTimeOffset CreatedAt,
    /// <summary>Goes up by one with every change, for clients that follow the order live.</summary>
    [property: Id(11)] int Version,
    /// <summary>Short and unique, e.g. MP-7F3K2Q: what the patient and the pharmacy both call the order.</summary>
    [property: Id(12)] string? OrderNumber,
    /// <summary>The VAT included in the total, for the receipt.</summary>
    [property: Id(13)] long VatIncludedCents,
    [property: Id(14)] decimal VatRatePercent,
    /// <summary>When the order should arrive, given when it was placed and whether a pharmacist reviews it; null once it is over.</summary>
    [property: Id(15)] DeliveryEstimate? EstimatedDelivery);

/// <summary>The first and the last day the order is expected at the door.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.DeliveryEstimate")]
public sealed record DeliveryEstimate(
    [property: Id(0)] DateOnly Earliest,
    [property: Id(1)] DateOnly Latest);
