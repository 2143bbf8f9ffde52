namespace MedPlatform.Orders;

/// <summary>What a shipping address must hold, checked at the Api edge (per field) and again where it is kept (grains).</summary>
public static class ShippingAddressRules
{
    private static readonly (string Field, Func<ShippingAddress, string> Value, int Max)[] Fields =
    [
        ("name", a => a.Name, 100), ("line1", a => a.Line1, 200), ("city", a => a.City, 100),
        ("postalCode", a => a.PostalCode, 20), ("country", a => a.Country, 60),
    ];

    /// <summary>The address with every field trimmed.</summary>
    public static ShippingAddress Trimmed(ShippingAddress a) =>
        new(a.Name?.Trim() ?? "", a.Line1?.Trim() ?? "", a.City?.Trim() ?? "", a.PostalCode?.Trim() ?? "", a.Country?.Trim() ?? "");

    /// <summary>Adds a message under <paramref name="prefix"/> + the field's name for each field that is empty, too long or not ordinary text.</summary>
    public static void Validate(ShippingAddress address, string prefix, Dictionary<string, string[]> errors)
    {
        foreach (var (field, value, max) in Fields)
        {
            var text = value(address) ?? "";
            if (text.Trim().Length == 0) errors[prefix + field] = ["Fill this in."];
            else if (text.Trim().Length > max || text.Any(char.IsControl)) errors[prefix + field] = [$"Use at most {max} ordinary characters."];
        }
    }
}
