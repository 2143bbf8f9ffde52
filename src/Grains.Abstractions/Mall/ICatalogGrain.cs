using MedPlatform.Common;

namespace MedPlatform.Mall;

[GenerateSerializer, Immutable, Alias("MedPlatform.ProductQuery")]
public sealed record ProductQuery(
    [property: Id(0)] string? Category,
    [property: Id(1)] string? Text,
    [property: Id(2)] PageRequest Paging);

/// <summary>The catalog's lists and reference data, from the products read model.</summary>
public interface ICatalogGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<Category>> Categories();

    /// <summary>By name; <see cref="ProductQuery.Text"/> searches name, strength and description.</summary>
    Task<PagedResult<ProductView>> List(ProductQuery query);
}
