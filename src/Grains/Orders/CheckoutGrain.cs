using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using MedPlatform.Mall;
using MedPlatform.Orders.Payments;

namespace MedPlatform.Orders;

[GenerateSerializer, Alias("MedPlatform.CheckoutState")]
public sealed class CheckoutState
{
    /// <summary>Chosen and saved before the order is placed, so a retry can only ever reach this one order.</summary>
    [Id(0)] public string? OrderId { get; set; }
}

public sealed class CheckoutGrain(
    [PersistentState("checkout", StorageNames.Orders)] IPersistentState<CheckoutState> state,
    IPaymentGateway gateway) : Grain, ICheckoutGrain
{
    public const int MaxKeyLength = 100;

    public static string KeyFor(string patientId, string idempotencyKey) => $"checkout:{patientId}:{idempotencyKey}";

    public async Task<OrderView> Checkout(Caller patient, ShippingAddress address, CardDetails card)
    {
        if (patient.Role != Role.Patient || !this.GetPrimaryKeyString().StartsWith($"checkout:{patient.UserId}:", StringComparison.Ordinal))
            throw DomainException.NotFound("No such checkout.");
        if (state.State.OrderId is null)
        {
            state.State.OrderId = ProductIds.New();
            await this.Save(state);
        }
        var order = GrainFactory.GetGrain<IOrderPlacement>(state.State.OrderId);
        if (await order.Placed() is { } placed)
            return placed;

        var cart = GrainFactory.GetGrain<ICartGrain>(patient.UserId);
        var view = await cart.View(patient);
        if (view.Items.Count == 0)
            throw DomainException.Unprocessable("Your cart is empty.");
        if (view.Items.Where(l => !l.Available).ToList() is { Count: > 0 } unavailable)
        {
            var detail = "Some items cannot be bought as they are: " + string.Join("; ", unavailable.Select(l => $"{l.Name}: {l.Problem}"));
            // Not enough stock is a conflict with others' orders (409); anything else breaks a rule (422).
            throw unavailable.All(l => l.ShortOfStock) ? DomainException.Conflict(detail) : DomainException.Unprocessable(detail);
        }

        var token = await gateway.Tokenize(card);
        var items = view.Items.Select(l => new OrderItemView(l.ProductId, l.Name, l.Quantity, l.UnitPriceCents, l.PrescriptionId)).ToList();
        var placedOrder = await order.Place(new PlaceOrder(patient, this.GetPrimaryKeyString(), items, address, token.Token, token.Last4));
        await cart.RemoveOrdered(patient, items.Select(i => i.ProductId).ToList());
        return placedOrder;
    }
}
