using MedPlatform.Common;
using Orleans.Concurrency;

namespace MedPlatform.Mall;

[StatelessWorker, Reentrant]
public sealed class CatalogGrain(CategoryCatalog categories, ProductDirectory directory) : Grain, ICatalogGrain
{
    public Task<IReadOnlyList<Category>> Categories() => categories.All();

    public async Task<PagedResult<ProductView>> List(ProductQuery query)
    {
        if (query.Category is not null && !await categories.Exists(query.Category))
            throw DomainException.Invalid("category", "There is no such category.");
        return await directory.List(query);
    }
}
