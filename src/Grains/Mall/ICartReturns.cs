using MedPlatform.Orders;

namespace MedPlatform.Mall;

/// <summary>An order that ended without anyone choosing it (a declined card, stock gone) puts its lines back: only the order grain calls it, so it is kept out of the Api's contract.</summary>
public interface ICartReturns : IGrainWithStringKey
{
    /// <summary>
    /// Puts the order's lines back in the cart, once per order (the order finishes its exit again
    /// after a crash); a product already in the cart keeps what the patient chose since.
    /// </summary>
    Task TakeBack(string orderId, IReadOnlyList<OrderItemView> items);
}
