using MedPlatform.Hosting;

namespace MedPlatform.Mall;

/// <summary>Seeds the categories and, when the store has no products, the starter catalog, and describes the starter products (every mode).</summary>
public sealed class MallReferenceData(CategoryCatalog categories, ProductDirectory products, IGrainFactory grains) : IBootstrapStep
{
    public int Order => 10;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await categories.SeedIfEmpty();
        if (await products.IsEmpty())
        {
            foreach (var entry in StarterCatalog.Entries)
                await grains.GetGrain<IProductSeeding>(ProductIds.ForStarter(entry.Slug)).Seed(entry.Product);
        }
        // Stores seeded before products had facts get them now; a product already described is left as it is.
        foreach (var (slug, facts) in StarterFacts.BySlug)
            await grains.GetGrain<IProductSeeding>(ProductIds.ForStarter(slug)).Describe(facts);
    }
}
