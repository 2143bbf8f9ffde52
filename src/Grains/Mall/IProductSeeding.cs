namespace MedPlatform.Mall;

/// <summary>
/// Bootstrap only: creates the product if its id holds none, with no caller to check. Kept out of
/// the Api's contract (Grains.Abstractions); only the starter-catalog seeding calls it.
/// </summary>
public interface IProductSeeding : IGrainWithStringKey
{
    Task<ProductView> Seed(NewProduct product);

    /// <summary>Gives an existing product its facts if it has none yet (a store seeded before products had them).</summary>
    Task Describe(ProductFacts facts);
}
