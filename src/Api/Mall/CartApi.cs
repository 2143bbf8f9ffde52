using MedPlatform.Api.Auth;
using MedPlatform.Mall;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Mall;

/// <summary>The signed-in patient's cart. Prices are the catalog's, never the client's.</summary>
public static class CartApi
{
    public static IEndpointRouteBuilder MapCartApi(this IEndpointRouteBuilder app)
    {
        var cart = app.MapGroup("/api/cart").WithTags("Cart").RequireAuthorization(Policies.Patient);
        cart.MapGet("", Get).WithSummary("The cart at current prices, with lines that can no longer be bought flagged");
        cart.MapPut("/items/{productId}", SetLine).WithSummary("Set a product's quantity (0 removes it); prescription medicines need your prescription");
        cart.MapDelete("/items/{productId}", RemoveLine).WithSummary("Remove a product");
        return app;
    }

    static async Task<Ok<CartResponse>> Get(IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(CartResponse.From(await Cart(grains, context).View(context.ToCaller())));

    static async Task<Ok<CartResponse>> SetLine(string productId, CartLineRequest request, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(CartResponse.From(await Cart(grains, context).SetLine(context.ToCaller(), productId, request.ValidQuantity(),
            string.IsNullOrWhiteSpace(request.PrescriptionId) ? null : request.PrescriptionId.Trim())));

    static async Task<Ok<CartResponse>> RemoveLine(string productId, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(CartResponse.From(await Cart(grains, context).RemoveLine(context.ToCaller(), productId)));

    /// <summary>The caller's own cart: the key is the signed-in patient's id, never a value from the request.</summary>
    private static ICartGrain Cart(IGrainFactory grains, HttpContext context) => grains.GetGrain<ICartGrain>(context.ToCaller().UserId);
}
