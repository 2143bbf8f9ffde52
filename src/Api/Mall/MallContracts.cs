namespace MedPlatform.Api.Mall;

// The request bodies of the mall endpoints (see shared/API.md); answers are the grains' views.
// Fields are nullable so a missing field is reported as a per-field 400. No request carries a
// price of a cart line: prices come from the catalog.

public sealed record ProductRequest(
    string? Name, string? Category, string? Form, string? Strength, string? Description, long? PriceCents, int? Stock,
    bool? RequiresPrescription, bool? Controlled, int? MaxPerOrder,
    IReadOnlyList<string>? ActiveIngredients = null, IReadOnlyList<string>? BrandNames = null, IReadOnlyList<string>? Indications = null,
    LeafletRequest? Leaflet = null);

/// <summary>Each fact given replaces what the product had; one left out keeps it. A leaflet of three empty parts removes it.</summary>
public sealed record ProductUpdateRequest(long? PriceCents, string? Description, bool? RequiresPrescription, bool? Controlled, int? MaxPerOrder, bool? ClearMaxPerOrder,
    IReadOnlyList<string>? ActiveIngredients = null, IReadOnlyList<string>? BrandNames = null, IReadOnlyList<string>? Indications = null,
    LeafletRequest? Leaflet = null);

public sealed record LeafletRequest(string? Uses, string? Dose, string? Warnings)
{
    public MedPlatform.Mall.Leaflet ToLeaflet() => new(Uses ?? "", Dose ?? "", Warnings ?? "");
}

public sealed record StockRequest(int? Delta, string? Reason);

public sealed record PrescriptionItemRequest(string? ProductId, int? Quantity);

public sealed record PrescriptionRequest(string? PatientId, string? ThreadId, IReadOnlyList<PrescriptionItemRequest>? Items, int? Repeats, int? ValidDays, string? Notes);

/// <summary>Either the line's new <c>quantity</c> (0 removes it) or <c>add</c>: units to add to what the cart holds.</summary>
public sealed record CartLineRequest(int? Quantity, string? PrescriptionId, int? Add = null);
