using MedPlatform.Common;

namespace MedPlatform.Mall;

/// <summary>
/// One catalog product, keyed by product id. The single writer of its stock: every decrement is a
/// check-and-decrement in one grain turn, so stock is never oversold.
/// </summary>
public interface IProductGrain : IGrainWithStringKey
{
    Task<ProductView> Create(Caller staff, NewProduct product);

    Task<ProductView?> Find();

    Task<ProductView> Update(Caller staff, ProductChanges changes);

    /// <summary>Receives (positive) or writes off (negative) stock with a reason; stock never goes below zero (409).</summary>
    Task<ProductView> AdjustStock(Caller staff, int delta, string reason);

    /// <summary>
    /// Takes units out of stock for an order. Idempotent by order id: a retry takes nothing twice.
    /// 409 if the stock does not cover the quantity.
    /// </summary>
    Task Reserve(string orderId, int quantity);

    /// <summary>Puts an order's reserved units back (cancellation, failed payment). Idempotent; nothing reserved, nothing happens.</summary>
    Task Release(string orderId);

    /// <summary>The order has shipped: its units are gone for good, so the reservation record is dropped. Idempotent.</summary>
    Task Settle(string orderId);
}
