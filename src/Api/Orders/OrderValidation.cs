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
        var shipping = Address(request.ShippingAddress, "shippingAddress.", errors);

        var payment = request.Payment;
        var (month, year) = ParseExpiry(payment?.Expiry);
        var card = new CardDetails(payment?.CardNumber ?? "", month, year, payment?.Cvc?.Trim() ?? "");
        foreach (var (field, messages) in CardRules.Validate(card, clock.GetUtcNow()))
            errors[$"payment.{field}"] = messages;
        if (errors.Count > 0)
            throw DomainException.Invalid(errors);
        return (shipping, card);
    }

    /// <summary>An address's fields trimmed, each missing or too long one reported under <paramref name="prefix"/> + its name.</summary>
    public static ShippingAddress Address(AddressRequest? address, string prefix, Dictionary<string, string[]> errors)
    {
        var trimmed = ShippingAddressRules.Trimmed(new ShippingAddress(address?.Name ?? "", address?.Line1 ?? "", address?.City ?? "",
            address?.PostalCode ?? "", address?.Country ?? ""));
        ShippingAddressRules.Validate(trimmed, prefix, errors);
        return trimmed;
    }

    /// <summary>The saved addresses of a PUT, each checked as a shipping address is; errors are named <c>[index].field</c>.</summary>
    public static IReadOnlyList<SavedAddress> ToSavedAddresses(this IReadOnlyList<SavedAddressRequest?>? addresses)
    {
        if (addresses is null)
            throw DomainException.Invalid("body", "Send the list of addresses (an empty list removes them all).");
        if (addresses.Count > AddressBookGrain.MaxAddresses)
            throw DomainException.Invalid("body", $"Keep at most {AddressBookGrain.MaxAddresses} addresses.");
        var errors = new Dictionary<string, string[]>();
        var saved = addresses.Select((address, index) =>
        {
            var fields = Address(address, $"[{index}].", errors);
            var id = address?.Id?.Trim() ?? "";
            if (id.Length > 32)
                errors[$"[{index}].id"] = ["Not an address id."];
            return new SavedAddress(id, fields.Name, fields.Line1, fields.City, fields.PostalCode, fields.Country, address?.IsDefault ?? false);
        }).ToList();
        if (saved.Count(a => a.IsDefault) > 1)
            errors["isDefault"] = ["Mark one address as the default."];
        if (errors.Count > 0)
            throw DomainException.Invalid(errors);
        return saved;
    }

    /// <summary>
    /// An order number as someone read it out or typed it: case, spaces and dashes aside, with or
    /// without "MP", and I, L and O read as 1, 1 and 0 (Crockford's base 32 has none of them).
    /// </summary>
    public static string? OrderNumber(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var text = new string(typed.ToUpperInvariant().Where(c => c is not (' ' or '-')).ToArray());
        // Only eight characters carry the prefix: a number read without it may itself begin with MP (MP-MP4K2Q).
        if (text.Length == 8 && text.StartsWith("MP", StringComparison.Ordinal))
            text = text[2..];
        text = text.Replace('I', '1').Replace('L', '1').Replace('O', '0');
        return text.Length == 6 && text.All(c => c is >= '0' and <= '9' or >= 'A' and <= 'Z' && c is not 'U')
            ? OrderNumbers.Prefix + text
            : throw DomainException.Invalid("number", "An order number is MP- and six letters or digits, like MP-7F3K2Q.");
    }

    /// <summary>A <c>status</c> query filter: null when absent, otherwise one of the statuses by its JSON name.</summary>
    public static OrderStatus? Status(string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
            return null;
        return Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
            ? parsed
            : throw DomainException.Invalid("status", "Use one of: " + string.Join(", ", Enum.GetNames<OrderStatus>().Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName)) + ".");
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
