using MedPlatform.Common;

namespace MedPlatform.Mall;

/// <summary>What makes a catalog entry valid. Checked at the Api (400 per field) and again in the Product grain.</summary>
public static class ProductRules
{
    public const long MaxPriceCents = 10_000_000;
    public const int MaxStock = 1_000_000;
    public const int MaxPerOrderLimit = 100;
    /// <summary>The most units of one product a cart line may ask for, whatever the stock.</summary>
    public const int MaxLineQuantity = 100;
    public const int MaxReasonLength = 200;

    public static Dictionary<string, string[]> Validate(NewProduct product)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "name", product.Name, 2, 120);
        if (string.IsNullOrWhiteSpace(product.Category)) errors["category"] = ["Choose a category."];
        Text(errors, "form", product.Form, 2, 40);
        Text(errors, "strength", product.Strength, 1, 40);
        Text(errors, "description", product.Description, 0, 2000);
        Price(errors, product.PriceCents);
        if (product.Stock is < 0 or > MaxStock) errors["stock"] = [$"Stock is between 0 and {MaxStock}."];
        Limit(errors, product.MaxPerOrder);
        if (product.Facts is { } facts)
            Facts(errors, facts.ActiveIngredients, facts.BrandNames, facts.Indications, facts.Leaflet);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(ProductChanges changes)
    {
        var errors = new Dictionary<string, string[]>();
        if (changes.PriceCents is { } price) Price(errors, price);
        if (changes.Description is { } description) Text(errors, "description", description, 0, 2000);
        Limit(errors, changes.MaxPerOrder);
        Facts(errors, changes.ActiveIngredients, changes.BrandNames, changes.Indications, changes.Leaflet);
        return errors;
    }

    public const int MaxFactItems = 12;
    public const int MaxFactLength = 80;
    public const int MaxLeafletPartLength = 2000;

    /// <summary>Lists of short names and phrases; a leaflet with all three parts, or none (all empty: removed).</summary>
    private static void Facts(Dictionary<string, string[]> errors, IReadOnlyList<string>? ingredients, IReadOnlyList<string>? brands,
        IReadOnlyList<string>? indications, Leaflet? leaflet)
    {
        foreach (var (field, items) in new[] { ("activeIngredients", ingredients), ("brandNames", brands), ("indications", indications) })
        {
            if (items is null)
                continue;
            if (items.Count > MaxFactItems || items.Any(i => string.IsNullOrWhiteSpace(i) || i.Trim().Length > MaxFactLength || i.Any(char.IsControl)))
                errors[field] = [$"At most {MaxFactItems} entries, each 1 to {MaxFactLength} ordinary characters."];
        }
        if (leaflet is null)
            return;
        var parts = new[] { ("leaflet.uses", leaflet.Uses), ("leaflet.dose", leaflet.Dose), ("leaflet.warnings", leaflet.Warnings) };
        var removing = parts.All(p => string.IsNullOrWhiteSpace(p.Item2));
        foreach (var (field, text) in parts)
        {
            if (!removing && string.IsNullOrWhiteSpace(text)) errors[field] = ["Fill this in, or leave all three parts of the leaflet empty to remove it."];
            else if ((text?.Length ?? 0) > MaxLeafletPartLength) errors[field] = [$"Use at most {MaxLeafletPartLength} characters."];
        }
    }

    /// <summary>The facts as they are kept: trimmed, without repeats; a leaflet of three empty parts is none.</summary>
    public static ProductFacts Normalize(ProductFacts facts) =>
        new(Clean(facts.ActiveIngredients), Clean(facts.BrandNames), Clean(facts.Indications), Clean(facts.Leaflet));

    public static IReadOnlyList<string> Clean(IReadOnlyList<string> items) =>
        items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static Leaflet? Clean(Leaflet? leaflet) =>
        leaflet is null || (string.IsNullOrWhiteSpace(leaflet.Uses) && string.IsNullOrWhiteSpace(leaflet.Dose) && string.IsNullOrWhiteSpace(leaflet.Warnings))
            ? null
            : new Leaflet(leaflet.Uses.Trim(), leaflet.Dose.Trim(), leaflet.Warnings.Trim());

    public static void EnsureValid(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0) throw DomainException.Invalid(errors);
    }

    public static void EnsureValidStockChange(int delta, string? reason)
    {
        var errors = new Dictionary<string, string[]>();
        if (delta == 0 || Math.Abs((long)delta) > MaxStock) errors["delta"] = [$"Change the stock by a non-zero amount of at most {MaxStock} units."];
        Text(errors, "reason", reason, 3, MaxReasonLength);
        EnsureValid(errors);
    }

    private static void Price(Dictionary<string, string[]> errors, long priceCents)
    {
        if (priceCents is < 1 or > MaxPriceCents) errors["priceCents"] = [$"The price is between 1 and {MaxPriceCents} cents."];
    }

    private static void Limit(Dictionary<string, string[]> errors, int? maxPerOrder)
    {
        if (maxPerOrder is < 1 or > MaxPerOrderLimit) errors["maxPerOrder"] = [$"A per-order limit is between 1 and {MaxPerOrderLimit}."];
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int min, int max)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length < min) errors[field] = [min <= 1 ? "Fill this in." : $"Use at least {min} characters."];
        else if (trimmed.Length > max) errors[field] = [$"Use at most {max} characters."];
        else if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) errors[field] = ["Control characters are not allowed."];
    }
}
