using MedPlatform.Common;
using MedPlatform.Mall;

namespace MedPlatform.Api.Mall;

/// <summary>Turns mall request bodies into grain arguments, or into per-field errors for a 400.</summary>
public static class MallValidation
{
    public static NewProduct ToProduct(this ProductRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.PriceCents is null) errors["priceCents"] = ["Give the price in cents."];
        var product = new NewProduct(request.Name ?? "", request.Category?.Trim() ?? "", request.Form ?? "", request.Strength ?? "",
            request.Description ?? "", request.PriceCents ?? 0, request.Stock ?? 0, request.RequiresPrescription ?? false,
            request.Controlled ?? false, request.MaxPerOrder,
            request.ActiveIngredients is null && request.BrandNames is null && request.Indications is null && request.Leaflet is null
                ? null
                : new ProductFacts(request.ActiveIngredients ?? [], request.BrandNames ?? [], request.Indications ?? [], request.Leaflet?.ToLeaflet()));
        foreach (var (field, messages) in ProductRules.Validate(product))
            errors.TryAdd(field, messages);
        ProductRules.EnsureValid(errors);
        return product;
    }

    public static ProductChanges ToChanges(this ProductUpdateRequest request)
    {
        var changes = new ProductChanges(request.PriceCents, request.Description, request.RequiresPrescription, request.Controlled,
            request.MaxPerOrder, request.ClearMaxPerOrder ?? false, request.ActiveIngredients, request.BrandNames, request.Indications,
            request.Leaflet?.ToLeaflet());
        ProductRules.EnsureValid(ProductRules.Validate(changes));
        return changes;
    }

    public static NewPrescription ToPrescription(this PrescriptionRequest request)
    {
        var prescription = new NewPrescription(
            string.IsNullOrWhiteSpace(request.PatientId) ? null : request.PatientId.Trim(),
            string.IsNullOrWhiteSpace(request.ThreadId) ? null : request.ThreadId.Trim(),
            (request.Items ?? []).Select(i => new PrescriptionLine(i.ProductId?.Trim() ?? "", i.Quantity ?? 0)).ToList(),
            request.Repeats ?? 0, request.ValidDays ?? PrescriptionRules.DefaultValidDays, request.Notes);
        PrescriptionRules.EnsureValid(prescription);
        return prescription;
    }

    public static int ValidAdd(this CartLineRequest request) =>
        request.Quantity is not null
            ? throw DomainException.Invalid("add", "Send either quantity (the line's new quantity) or add (units to add), not both.")
            : request.Add is { } add and >= 1 and <= ProductRules.MaxLineQuantity
                ? add
                : throw DomainException.Invalid("add", $"Add a whole number of units between 1 and {ProductRules.MaxLineQuantity}.");

    public static int ValidQuantity(this CartLineRequest request) =>
        request.Quantity is { } quantity and >= 0 and <= ProductRules.MaxLineQuantity
            ? quantity
            : throw DomainException.Invalid("quantity", $"The quantity is a whole number between 0 and {ProductRules.MaxLineQuantity}.");
}
