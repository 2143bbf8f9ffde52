using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Mall;

namespace MedPlatform.Orders;

/// <summary>What a pharmacist does with an order: review its prescriptions (approve or refuse), ship it, mark it delivered. Each is idempotent.</summary>
public sealed partial class OrderGrain
{
    public async Task<OrderView> Approve(Caller pharmacist)
    {
        await EnsurePharmacist(pharmacist);
        if (Order.Status == OrderStatus.ReadyToShip && Order.History.Any(h => h.Status == OrderStatus.ReadyToShip && h.ActorId == pharmacist.UserId))
            return ToView();
        EnsureStatus(OrderStatus.AwaitingReview, "approved");
        await MoveTo(OrderStatus.ReadyToShip, pharmacist.UserId, "Prescriptions checked by the pharmacist.");
        await audit.Record("order.approved", pharmacist.UserId, $"order:{Id}", pharmacist.ClientAddress, Order.PatientId);
        return ToView();
    }

    public async Task<OrderView> Reject(Caller pharmacist, string reason)
    {
        await EnsurePharmacist(pharmacist);
        if (Order.Exit is { Status: OrderStatus.Refunded })
        {
            await FinishExit();
            return ToView();
        }
        if (Order.Status == OrderStatus.Refunded)
            return ToView();
        EnsureStatus(OrderStatus.AwaitingReview, "rejected");
        await audit.Record("order.rejected", pharmacist.UserId, $"order:{Id} reason:{reason.Trim()}", pharmacist.ClientAddress, Order.PatientId);
        await Exit(OrderStatus.Refunded, pharmacist, $"Rejected by the pharmacist: {reason.Trim()}");
        return ToView();
    }

    public async Task<OrderView> Ship(Caller pharmacist, string trackingNumber)
    {
        await EnsurePharmacist(pharmacist);
        if (Order.Status == OrderStatus.Shipped && Order.TrackingNumber == trackingNumber.Trim())
            return ToView();
        EnsureStatus(OrderStatus.ReadyToShip, "shipped");
        Order.TrackingNumber = trackingNumber.Trim();
        await MoveTo(OrderStatus.Shipped, pharmacist.UserId, $"Tracking number {Order.TrackingNumber}.");
        // Shipped orders are never given back, so stock and prescriptions can forget them.
        foreach (var item in Order.Items)
            await GrainFactory.GetGrain<IProductGrain>(item.ProductId).Settle(Id);
        foreach (var prescriptionId in Order.Items.Select(i => i.PrescriptionId).OfType<string>().Distinct())
            await GrainFactory.GetGrain<IPrescriptionGrain>(prescriptionId).Settle(Id);
        await audit.Record("order.shipped", pharmacist.UserId, $"order:{Id} tracking:{Order.TrackingNumber}", pharmacist.ClientAddress, Order.PatientId);
        return ToView();
    }

    public async Task<OrderView> Deliver(Caller pharmacist)
    {
        await EnsurePharmacist(pharmacist);
        if (Order.Status == OrderStatus.Delivered)
            return ToView();
        EnsureStatus(OrderStatus.Shipped, "delivered");
        await MoveTo(OrderStatus.Delivered, pharmacist.UserId, null);
        await audit.Record("order.delivered", pharmacist.UserId, $"order:{Id}", pharmacist.ClientAddress, Order.PatientId);
        return ToView();
    }
}
