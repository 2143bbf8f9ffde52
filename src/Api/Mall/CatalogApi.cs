using MedPlatform.Api.Common;
using MedPlatform.Api.Auth;
using MedPlatform.Api.Operations;
using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Search;
using MedPlatform.Mall;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Mall;

/// <summary>The medicine catalog: anyone browses; pharmacists and admins manage products and stock.</summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products").WithTags("Catalog");
        products.MapGet("", List).AllowAnonymous().CachedPublicRead(PublicReadCaching.CatalogTag)
            .WithName("listProducts").WithSummary("The catalog by name; filter by category, search name, strength and description");
        products.MapGet("/categories", Categories).AllowAnonymous().CachedPublicRead(PublicReadCaching.CatalogTag)
            .WithName("listCategories").WithSummary("The catalog's categories");
        products.MapGet("/{id}", Get).AllowAnonymous().CachedPublicRead(PublicReadCaching.CatalogTag)
            .WithName("getProduct").WithSummary("One product with its description");
        products.MapPost("", Create).RequireAuthorization(Policies.Staff).EvictsPublicReads(PublicReadCaching.CatalogTag)
            .WithName("createProduct").WithSummary("Add a product (pharmacists, admins)");
        products.MapPut("/{id}", Update).RequireAuthorization(Policies.Staff).EvictsPublicReads(PublicReadCaching.CatalogTag)
            .WithName("updateProduct").WithSummary("Change price, description or flags (pharmacists, admins)");
        products.MapPost("/{id}/stock", AdjustStock).RequireAuthorization(Policies.Staff).EvictsPublicReads(PublicReadCaching.CatalogTag)
            .WithName("adjustStock").WithSummary("Receive or write off stock, with a reason (audited)").Refuses(409);
        return app;
    }

    static async Task<Ok<PagedResult<ProductView>>> List(string? category, string? q, [AsParameters] PageQuery paging, IGrainFactory grains)
    {
        var query = new ProductQuery(string.IsNullOrWhiteSpace(category) ? null : category.Trim(), SearchBox(q), paging.ToRequest());
        return TypedResults.Ok(await grains.GetGrain<ICatalogGrain>(0).List(query));
    }

    static async Task<Ok<IReadOnlyList<Category>>> Categories(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICatalogGrain>(0).Categories());

    static async Task<Ok<ProductView>> Get(string id, IGrainFactory grains) =>
        TypedResults.Ok(await Product(grains, id).Find() ?? throw NoSuchProduct());

    static async Task<Created<ProductView>> Create(ProductRequest request, Caller staff, IGrainFactory grains)
    {
        var product = request.ToProduct();
        var id = ProductIds.New();
        return TypedResults.Created($"/api/products/{id}", await grains.GetGrain<IProductGrain>(id).Create(staff, product));
    }

    static async Task<Ok<ProductView>> Update(string id, ProductUpdateRequest request, Caller staff, IGrainFactory grains) =>
        TypedResults.Ok(await Product(grains, id).Update(staff, request.ToChanges()));

    static async Task<Ok<ProductView>> AdjustStock(string id, StockRequest request, Caller staff, IGrainFactory grains)
    {
        ProductRules.EnsureValidStockChange(request.Delta ?? 0, request.Reason);
        return TypedResults.Ok(await Product(grains, id).AdjustStock(staff, request.Delta!.Value, request.Reason!));
    }

    private static IProductGrain Product(IGrainFactory grains, string id) =>
        ProductIds.IsCanonical(id) ? grains.GetGrain<IProductGrain>(id) : throw NoSuchProduct();

    private static DomainException NoSuchProduct() => DomainException.NotFound("No such product.");

    private static string? SearchBox(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
            return null;
        if (q.Length > ForumRules.SearchMaxLength)
            throw DomainException.Invalid("q", $"Search with at most {ForumRules.SearchMaxLength} characters.");
        return SearchText.Words(q).Count > 0 ? q : throw DomainException.Invalid("q", "Search for at least one word or number.");
    }
}
