using MedPlatform.Api.Operations;
using MedPlatform.Api.Auth;
using MedPlatform.Common;
using MedPlatform.Mall;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Mall;

/// <summary>The signed-in patient's cart. Prices are the catalog's, never the client's.</summary>
public static class CartApi
{
    public static IEndpointRouteBuilder MapCartApi(this IEndpointRouteBuilder app)
    {
        var cart = app.MapGroup("/api/cart").WithTags("Cart").RequireAuthorization(Policies.Patient);
        cart.MapGet("", Get).WithName("getCart").WithSummary("The cart at current prices, with lines that can no longer be bought flagged");
        cart.MapPut("/items/{productId}", SetLine).WithName("setCartLine")
            .WithSummary("Set a product's quantity (0 removes it) or add to it; prescription medicines need your prescription").Refuses(409, 422);
        cart.MapDelete("/items/{productId}", RemoveLine).WithName("removeCartLine").WithSummary("Remove a product");
        return app;
    }

    static async Task<Ok<CartView>> Get(Caller patient, IGrainFactory grains) =>
        TypedResults.Ok(await Cart(grains, patient).View(patient));

    static async Task<Ok<CartView>> SetLine(string productId, CartLineRequest request, Caller patient, IGrainFactory grains)
    {
        var prescription = string.IsNullOrWhiteSpace(request.PrescriptionId) ? null : request.PrescriptionId.Trim();
        return TypedResults.Ok(request.Add is not null
            ? await Cart(grains, patient).AddToLine(patient, productId, request.ValidAdd(), prescription)
            : await Cart(grains, patient).SetLine(patient, productId, request.ValidQuantity(), prescription));
    }

    static async Task<Ok<CartView>> RemoveLine(string productId, Caller patient, IGrainFactory grains) =>
        TypedResults.Ok(await Cart(grains, patient).RemoveLine(patient, productId));

    /// <summary>The caller's own cart: the key is the signed-in patient's id, never a value from the request.</summary>
    private static ICartGrain Cart(IGrainFactory grains, Caller patient) => grains.GetGrain<ICartGrain>(patient.UserId);
}
