using MedPlatform.Orders;

namespace MedPlatform.Api.Orders;

// The request bodies of the order endpoints (see shared/API.md); orders are answered as the
// grains' OrderView. Fields are nullable so a missing field is reported as a per-field 400. There
// is no price or total in any request.

public record AddressRequest(string? Name, string? Line1, string? City, string? PostalCode, string? Country);

/// <summary>A saved address in <c>PUT /api/me/addresses</c>: no id for a new one.</summary>
public sealed record SavedAddressRequest(string? Id, string? Name, string? Line1, string? City, string? PostalCode, string? Country, bool? IsDefault)
    : AddressRequest(Name, Line1, City, PostalCode, Country);

/// <summary>Card details: passed to the payment gateway for a token and then forgotten.</summary>
public sealed record PaymentRequest(string? CardNumber, string? Expiry, string? Cvc)
{
    public override string ToString() => "PaymentRequest { redacted }";
}

public sealed record CheckoutRequest(AddressRequest? ShippingAddress, PaymentRequest? Payment);

public sealed record RejectRequest(string? Reason);

public sealed record ShipRequest(string? TrackingNumber);

/// <summary>
/// One server-sent "status" event: a step in the order's history. <see cref="Version"/> is the
/// order's version after that step (the first step is version 1).
/// </summary>
public sealed record StatusEvent(string OrderId, OrderStatus Status, DateTimeOffset At, string? Note, string? TrackingNumber, int Version);
