using MedPlatform.Common;

namespace MedPlatform.Mall;

/// <summary>A cart line with the catalog's current price, and whether it can still be bought as it is.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.CartLineView")]
public sealed record CartLineView(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] long UnitPriceCents,
    [property: Id(4)] string? PrescriptionId,
    [property: Id(5)] bool RequiresPrescription,
    /// <summary>False when the line cannot be bought as it is (out of stock, prescription expired, product withdrawn...).</summary>
    [property: Id(6)] bool Available,
    /// <summary>Why the line is unavailable, in words for the patient.</summary>
    [property: Id(7)] string? Problem,
    /// <summary>The line is unavailable only because there is not enough stock (a conflict, not a broken rule).</summary>
    [property: Id(8), HiddenFromClients] bool ShortOfStock = false);

[GenerateSerializer, Immutable, Alias("MedPlatform.CartView")]
public sealed record CartView(
    [property: Id(0)] IReadOnlyList<CartLineView> Items,
    /// <summary>The sum of the available lines at current prices.</summary>
    [property: Id(1)] long TotalCents);

/// <summary>A patient's cart, keyed by the patient's user id.</summary>
public interface ICartGrain : IGrainWithStringKey
{
    Task<CartView> View(Caller patient);

    /// <summary>Sets a line's quantity (0 removes it). Prices always come from the catalog.</summary>
    Task<CartView> SetLine(Caller patient, string productId, int quantity, string? prescriptionId);

    /// <summary>
    /// Adds units to a product's line (a new line if there is none): "add to cart" twice adds twice.
    /// The line keeps its prescription unless another is given. The same checks as <see cref="SetLine"/> on the new total.
    /// </summary>
    Task<CartView> AddToLine(Caller patient, string productId, int units, string? prescriptionId);

    Task<CartView> RemoveLine(Caller patient, string productId);

    /// <summary>
    /// Checkout takes the whole cart for one order in one step, priced and checked: a second checkout
    /// finds the cart empty (422). 409 if a line is short of stock, 422 if a line breaks a rule.
    /// Taking again for the same order returns the same lines.
    /// </summary>
    Task<IReadOnlyList<CartLineView>> TakeForOrder(Caller patient, string orderId);

    /// <summary>After checkout: forgets the lines taken for the order, or puts them back if it was not placed.</summary>
    Task FinishTake(Caller patient, string orderId, bool placed);
}
