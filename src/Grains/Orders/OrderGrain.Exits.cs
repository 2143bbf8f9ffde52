using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Mall;

namespace MedPlatform.Orders;

/// <summary>
/// The order's exits: cancelled by its patient or staff, refunded after a pharmacist's refusal, and the automatic
/// ones (a declined card, stock gone, a payment that never completed). Each is saved as pending
/// before anything is given back, and every part of giving back is idempotent by order id.
/// </summary>
public sealed partial class OrderGrain
{
    public async Task<OrderView> Cancel(Caller caller)
    {
        await EnsureReadableBy(caller);
        if (Order.Exit is not null)
        {
            await FinishExit();
            return ToView();
        }
        switch (Order.Status)
        {
            case OrderStatus.Placed or OrderStatus.StockReserved:
                await Exit(OrderStatus.Cancelled, caller, "Cancelled before payment.");
                break;
            case OrderStatus.Paid or OrderStatus.AwaitingReview or OrderStatus.ReadyToShip:
                await Exit(OrderStatus.Refunded, caller, "Cancelled after payment: refunded.");
                break;
            case OrderStatus.Cancelled or OrderStatus.Refunded:
                break;
            default:
                throw DomainException.Conflict(Order.Status is OrderStatus.Shipped or OrderStatus.Delivered
                    ? "The order has been shipped and can no longer be cancelled."
                    : $"An order that is {Order.Status} cannot be cancelled.");
        }
        return ToView();
    }

    private async Task Exit(OrderStatus exit, Caller caller, string note)
    {
        await BeginExit(exit, caller.UserId, note);
        await audit.Record(exit == OrderStatus.Refunded ? "order.refunded" : "order.cancelled", caller.UserId, $"order:{Id}", caller.ClientAddress, Order.PatientId);
        await FinishExit();
    }

    private async Task BeginExit(OrderStatus exit, string? actorId, string? note)
    {
        Order.Exit = new PendingExit(exit, actorId, note);
        // Marked first, so the sweep finishes the exit even if this silo stops right after saving it.
        await MarkNeedsProcessing();
        await this.Save(state);
    }

    /// <summary>Refunds any charge, gives the stock and prescriptions back, then records the exit. Each part is idempotent.</summary>
    private async Task FinishExit()
    {
        var exit = Order.Exit!;
        await faults.Before(Id, Order.PatientId!, OrderStep.Refund);
        await gateway.Refund(Id);
        await faults.Before(Id, Order.PatientId!, OrderStep.GiveBack);
        foreach (var item in Order.Items)
            await GrainFactory.GetGrain<IProductGrain>(item.ProductId).Release(Id);
        foreach (var prescriptionId in Order.Items.Select(i => i.PrescriptionId).OfType<string>().Distinct())
            await GrainFactory.GetGrain<IPrescriptionGrain>(prescriptionId).Restore(Id);
        if (exit.ActorId is null)
        {
            // An exit nobody chose (a declined card, stock gone by the time it was reserved, a payment
            // that never completed): the lines go back to the cart, so the patient pays again with
            // another card, or sees what is short, without building the cart again.
            await GrainFactory.GetGrain<ICartReturns>(Order.PatientId!).TakeBack(Id, ToView().Items);
        }
        Order.Exit = null;
        Order.PaymentToken = "";
        await MoveTo(exit.Status, exit.ActorId, exit.Note);
        metrics.OrderFailed(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(exit.Status.ToString()));
    }
}
