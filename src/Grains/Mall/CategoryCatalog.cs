using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Mall;

/// <summary>The catalog's categories: reference data, seeded with these defaults whenever the store has none.</summary>
public sealed class CategoryCatalog([FromKeyedServices(Databases.Platform)] SqlDatabase database, PlatformClock clock)
    : ReferenceTable<Category>(database, clock)
{
    private static readonly (string Id, string Name)[] DefaultCategories =
    [
        ("pain-fever", "Pain & fever"),
        ("allergy", "Allergy"),
        ("digestive", "Digestive health"),
        ("cardiovascular", "Heart & blood pressure"),
        ("diabetes", "Diabetes"),
        ("antibiotics", "Antibiotics"),
        ("respiratory", "Cough, cold & breathing"),
        ("skin", "Skin care"),
        ("vitamins", "Vitamins & supplements"),
        ("mental-health", "Mental health & sleep"),
    ];

    protected override string Table => "product_categories";
    protected override IReadOnlyList<(string Id, string Name)> Defaults => DefaultCategories;
    protected override Category Create(string id, string name) => new(id, name);
    protected override string IdOf(Category item) => item.Id;
}
