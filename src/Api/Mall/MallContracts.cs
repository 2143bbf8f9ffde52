using MedPlatform.Mall;

namespace MedPlatform.Api.Mall;

// The JSON shapes of the mall endpoints (see shared/API.md). Request fields are nullable so a
// missing field is reported as a per-field 400. No request carries a price of a cart line:
// prices come from the catalog.

public sealed record ProductRequest(
    string? Name, string? Category, string? Form, string? Strength, string? Description, long? PriceCents, int? Stock,
    bool? RequiresPrescription, bool? Controlled, int? MaxPerOrder);

public sealed record ProductUpdateRequest(long? PriceCents, string? Description, bool? RequiresPrescription, bool? Controlled, int? MaxPerOrder, bool? ClearMaxPerOrder);

public sealed record StockRequest(int? Delta, string? Reason);

public sealed record PrescriptionItemRequest(string? ProductId, int? Quantity);

public sealed record PrescriptionRequest(string? PatientId, string? ThreadId, IReadOnlyList<PrescriptionItemRequest>? Items, int? Repeats, int? ValidDays, string? Notes);

public sealed record CartLineRequest(int? Quantity, string? PrescriptionId);

public sealed record CategoryResponse(string Id, string Name);

public sealed record ProductResponse(
    string Id, string Name, string Category, string Form, string Strength, string Description, long PriceCents, int Stock,
    bool RequiresPrescription, bool Controlled, int? MaxPerOrder, DateTimeOffset UpdatedAt)
{
    public static ProductResponse From(ProductView p) =>
        new(p.Id, p.Name, p.Category, p.Form, p.Strength, p.Description, p.PriceCents, p.Stock, p.RequiresPrescription, p.Controlled, p.MaxPerOrder, p.UpdatedAt);
}

public sealed record PrescriptionItemResponse(string ProductId, string ProductName, int Quantity, int Remaining);

public sealed record PrescriptionResponse(
    string Id, string? PatientId, string DoctorId, string DoctorName, IReadOnlyList<PrescriptionItemResponse> Items,
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, PrescriptionStatus Status, int Repeats, string? Notes, string? ThreadId)
{
    public static PrescriptionResponse From(PrescriptionView p) =>
        new(p.Id, p.PatientId, p.DoctorId, p.DoctorName, p.Items.Select(i => new PrescriptionItemResponse(i.ProductId, i.ProductName, i.Quantity, i.Remaining)).ToList(),
            p.IssuedAt, p.ExpiresAt, p.Status, p.Repeats, p.Notes, p.ThreadId);
}

public sealed record CartLineResponse(
    string ProductId, string Name, int Quantity, long UnitPriceCents, string? PrescriptionId, bool RequiresPrescription, bool Available, string? Problem);

public sealed record CartResponse(IReadOnlyList<CartLineResponse> Items, long TotalCents)
{
    public static CartResponse From(CartView cart) =>
        new(cart.Items.Select(l => new CartLineResponse(l.ProductId, l.Name, l.Quantity, l.UnitPriceCents, l.PrescriptionId, l.RequiresPrescription, l.Available, l.Problem)).ToList(),
            cart.TotalCents);
}
