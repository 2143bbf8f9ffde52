using MedPlatform.Orders;

namespace MedPlatform.Api.Orders;

// The JSON shapes of the order endpoints (see shared/API.md). Request fields are nullable so a
// missing field is reported as a per-field 400. There is no price or total in any request.

public sealed record AddressRequest(string? Name, string? Line1, string? City, string? PostalCode, string? Country);

/// <summary>Card details: passed to the payment gateway for a token and then forgotten.</summary>
public sealed record PaymentRequest(string? CardNumber, string? Expiry, string? Cvc)
{
    public override string ToString() => "PaymentRequest { redacted }";
}

public sealed record CheckoutRequest(AddressRequest? ShippingAddress, PaymentRequest? Payment);

public sealed record RejectRequest(string? Reason);

public sealed record ShipRequest(string? TrackingNumber);

public sealed record OrderItemResponse(string ProductId, string Name, int Quantity, long UnitPriceCents, string? PrescriptionId);

/// <summary>A step of the order: when, who moved it on (a user id; null for the order service itself), and why.</summary>
public sealed record HistoryResponse(OrderStatus Status, DateTimeOffset At, string? Note, string? ActorId);

public sealed record AddressResponse(string Name, string Line1, string City, string PostalCode, string Country);

public sealed record OrderResponse(
    string Id, OrderStatus Status, long TotalCents, IReadOnlyList<OrderItemResponse> Items, AddressResponse ShippingAddress,
    string? TrackingNumber, IReadOnlyList<HistoryResponse> History, string CardLast4, string? PaymentId, DateTimeOffset CreatedAt, int Version)
{
    public static OrderResponse From(OrderView o) =>
        new(o.Id, o.Status, o.TotalCents, o.Items.Select(i => new OrderItemResponse(i.ProductId, i.Name, i.Quantity, i.UnitPriceCents, i.PrescriptionId)).ToList(),
            new AddressResponse(o.ShippingAddress.Name, o.ShippingAddress.Line1, o.ShippingAddress.City, o.ShippingAddress.PostalCode, o.ShippingAddress.Country),
            o.TrackingNumber, o.History.Select(h => new HistoryResponse(h.Status, h.At, h.Note, h.ActorId)).ToList(), o.CardLast4, o.PaymentId, o.CreatedAt, o.Version);
}

/// <summary>
/// One server-sent "status" event: a step in the order's history. <see cref="Version"/> is the
/// order's version after that step (the first step is version 1).
/// </summary>
public sealed record StatusEvent(string OrderId, OrderStatus Status, DateTimeOffset At, string? Note, string? TrackingNumber, int Version);
