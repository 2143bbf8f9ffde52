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
        return errors;
    }

    public static Dictionary<string, string[]> Validate(ProductChanges changes)
    {
        var errors = new Dictionary<string, string[]>();
        if (changes.PriceCents is { } price) Price(errors, price);
        if (changes.Description is { } description) Text(errors, "description", description, 0, 2000);
        Limit(errors, changes.MaxPerOrder);
        return errors;
    }

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
