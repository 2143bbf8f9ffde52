using System.Globalization;
using MedPlatform.Common;
using MedPlatform.Orders;
using MedPlatform.Orders.Payments;

namespace MedPlatform.Api.Orders;

/// <summary>Turns order request bodies into grain arguments, or into per-field errors for a 400.</summary>
public static class OrderValidation
{
    public static (ShippingAddress Address, CardDetails Card) ToCheckout(this CheckoutRequest request, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var address = request.ShippingAddress;
        string Field(string name, string? value, int max)
        {
            var trimmed = value?.Trim() ?? "";
            if (trimmed.Length == 0) errors[$"shippingAddress.{name}"] = ["Fill this in."];
            else if (trimmed.Length > max || trimmed.Any(char.IsControl)) errors[$"shippingAddress.{name}"] = [$"Use at most {max} ordinary characters."];
            return trimmed;
        }
        var shipping = new ShippingAddress(Field("name", address?.Name, 100), Field("line1", address?.Line1, 200), Field("city", address?.City, 100),
            Field("postalCode", address?.PostalCode, 20), Field("country", address?.Country, 60));

        var payment = request.Payment;
        var (month, year) = ParseExpiry(payment?.Expiry);
        var card = new CardDetails(payment?.CardNumber ?? "", month, year, payment?.Cvc?.Trim() ?? "");
        foreach (var (field, messages) in CardRules.Validate(card, clock.GetUtcNow()))
            errors[$"payment.{field}"] = messages;
        if (errors.Count > 0)
            throw DomainException.Invalid(errors);
        return (shipping, card);
    }

    /// <summary>The Idempotency-Key header: optional, at most 100 printable characters. Without one, every request is a new order.</summary>
    public static string IdempotencyKey(string? header)
    {
        if (string.IsNullOrEmpty(header))
            return "none-" + Guid.NewGuid().ToString("N");
        return header.Length <= 100 && header.All(c => c is > ' ' and < '\u007f')
            ? header
            : throw DomainException.Invalid("Idempotency-Key", "Use at most 100 printable characters without spaces.");
    }

    public static string Reason(this RejectRequest request) =>
        request.Reason?.Trim() is { Length: >= 3 and <= 500 } reason && !reason.Any(c => char.IsControl(c) && c != '\n')
            ? reason
            : throw DomainException.Invalid("reason", "Give a reason of 3 to 500 characters.");

    public static string TrackingNumber(this ShipRequest request) =>
        request.TrackingNumber?.Trim() is { Length: >= 3 and <= 64 } tracking && tracking.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ' ')
            ? tracking
            : throw DomainException.Invalid("trackingNumber", "Give the carrier's tracking number (3 to 64 letters, digits or dashes).");

    /// <summary>"MM/YY" or "MM/YYYY"; (0, 0) when it cannot be read, which the card rules refuse.</summary>
    private static (int Month, int Year) ParseExpiry(string? expiry)
    {
        var parts = expiry?.Split('/', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return (0, 0);
        return (month, parts[1].Length == 2 ? 2000 + year : year);
    }
}
