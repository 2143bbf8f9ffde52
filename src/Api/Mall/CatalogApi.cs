using MedPlatform.Api.Auth;
using MedPlatform.Api.Common;
using MedPlatform.Api.Operations;
using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Mall;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Mall;

/// <summary>The medicine catalog: anyone browses; pharmacists and admins manage products and stock.</summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products").WithTags("Catalog");
        products.MapGet("", List).AllowAnonymous().CachedPublicRead(PublicReadCaching.CatalogTag).WithSummary("The catalog by name; filter by category, search name, strength and description");
        products.MapGet("/categories", Categories).AllowAnonymous().CachedPublicRead(PublicReadCaching.CatalogTag).WithSummary("The catalog's categories");
        products.MapGet("/{id}", Get).AllowAnonymous().CachedPublicRead(PublicReadCaching.CatalogTag).WithSummary("One product with its description");
        products.MapPost("", Create).RequireAuthorization(Policies.Staff).EvictsPublicReads(PublicReadCaching.CatalogTag).WithSummary("Add a product (pharmacists, admins)");
        products.MapPut("/{id}", Update).RequireAuthorization(Policies.Staff).EvictsPublicReads(PublicReadCaching.CatalogTag).WithSummary("Change price, description or flags (pharmacists, admins)");
        products.MapPost("/{id}/stock", AdjustStock).RequireAuthorization(Policies.Staff).EvictsPublicReads(PublicReadCaching.CatalogTag).WithSummary("Receive or write off stock, with a reason (audited)");
        return app;
    }

    static async Task<Ok<Paged<ProductResponse>>> List(string? category, string? q, int? page, int? pageSize, IGrainFactory grains)
    {
        var query = new ProductQuery(string.IsNullOrWhiteSpace(category) ? null : category.Trim(), SearchBox(q), Paging.From(page, pageSize));
        return TypedResults.Ok(Paged<ProductResponse>.From(await grains.GetGrain<ICatalogGrain>(0).List(query), ProductResponse.From));
    }

    static async Task<Ok<IReadOnlyList<CategoryResponse>>> Categories(IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<CategoryResponse>>(
            (await grains.GetGrain<ICatalogGrain>(0).Categories()).Select(c => new CategoryResponse(c.Id, c.Name)).ToList());

    static async Task<Ok<ProductResponse>> Get(string id, IGrainFactory grains) =>
        TypedResults.Ok(ProductResponse.From(await Product(grains, id).Find() ?? throw NoSuchProduct()));

    static async Task<Created<ProductResponse>> Create(ProductRequest request, IGrainFactory grains, HttpContext context)
    {
        var product = request.ToProduct();
        var id = ProductIds.New();
        var created = await grains.GetGrain<IProductGrain>(id).Create(context.ToCaller(), product);
        return TypedResults.Created($"/api/products/{id}", ProductResponse.From(created));
    }

    static async Task<Ok<ProductResponse>> Update(string id, ProductUpdateRequest request, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(ProductResponse.From(await Product(grains, id).Update(context.ToCaller(), request.ToChanges())));

    static async Task<Ok<ProductResponse>> AdjustStock(string id, StockRequest request, IGrainFactory grains, HttpContext context)
    {
        ProductRules.EnsureValidStockChange(request.Delta ?? 0, request.Reason);
        return TypedResults.Ok(ProductResponse.From(await Product(grains, id).AdjustStock(context.ToCaller(), request.Delta!.Value, request.Reason!)));
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
