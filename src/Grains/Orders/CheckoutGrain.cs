using System.Security.Cryptography;
using System.Text;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using MedPlatform.Mall;
using MedPlatform.Orders.Payments;

namespace MedPlatform.Orders;

[GenerateSerializer, Alias("MedPlatform.CheckoutState")]
public sealed class CheckoutState
{
    /// <summary>Set only by checkouts from before order ids were derived from the checkout key; a retry of one keeps its order.</summary>
    [Id(0)] public string? OrderId { get; set; }
}

public sealed class CheckoutGrain(
    [PersistentState("checkout", StorageNames.Orders)] IPersistentState<CheckoutState> state,
    IPaymentGateway gateway) : Grain, ICheckoutGrain
{
    public const int MaxKeyLength = 100;

    public static string KeyFor(string patientId, string idempotencyKey) => $"checkout:{patientId}:{idempotencyKey}";

    /// <summary>The order a checkout places. The key holds the patient's id, so no two patients' keys share an order.</summary>
    public static string OrderIdFor(string checkoutKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("medplatform-order:" + checkoutKey)))[..32];

    public async Task<OrderView> Checkout(Caller patient, ShippingAddress address, CardDetails card)
    {
        if (patient.Role != Role.Patient || !this.GetPrimaryKeyString().StartsWith($"checkout:{patient.UserId}:", StringComparison.Ordinal))
            throw DomainException.NotFound("No such checkout.");
        // Derived, not chosen and saved: a retry can only ever reach this one order, at no write.
        var orderId = state.State.OrderId ?? OrderIdFor(this.GetPrimaryKeyString());
        var order = GrainFactory.GetGrain<IOrderPlacement>(orderId);
        var cart = GrainFactory.GetGrain<ICartGrain>(patient.UserId);
        if (await order.Placed() is not null)
            return await Placed(order, cart, patient, orderId);
        if (await GrainFactory.GetGrain<IUserGrain>(patient.UserId).Find() is { EmailVerified: false })
            throw DomainException.EmailNotVerified("Confirm your email address before you order: open the link we mailed you, or ask for a new one. Your cart is kept.");

        // The card first: if it is refused, the cart has not been touched.
        CardToken token;
        try
        {
            token = await gateway.Tokenize(card);
        }
        catch (PaymentGatewayUnavailableException)
        {
            // Only a silo that has never reached the payment service lacks its key: nothing was taken yet.
            throw DomainException.Unavailable("Card payments cannot be taken right now. Nothing was charged and the cart is unchanged; try again shortly.", 30);
        }
        var lines = await cart.TakeForOrder(patient, orderId);
        var items = lines.Select(l => new OrderItemView(l.ProductId, l.Name, l.Quantity, l.UnitPriceCents, l.PrescriptionId)).ToList();
        OrderView placed;
        try
        {
            placed = await order.Place(new PlaceOrder(patient, this.GetPrimaryKeyString(), items, address, token.Token, token.Last4));
        }
        catch
        {
            // Placement can fail after the order was saved; only an order that does not exist gives the lines back.
            if (await order.Placed() is null)
            {
                await cart.FinishTake(patient, orderId, placed: false);
                throw;
            }
            return await Placed(order, cart, patient, orderId);
        }
        await cart.FinishTake(patient, orderId, placed: true);
        return placed;
    }

    /// <summary>The order exists (a retry, or a placement that failed after saving): finish the cart and make sure it is processed.</summary>
    private static async Task<OrderView> Placed(IOrderPlacement order, ICartGrain cart, Caller patient, string orderId)
    {
        await cart.FinishTake(patient, orderId, placed: true);
        return await order.Confirm();
    }
}
