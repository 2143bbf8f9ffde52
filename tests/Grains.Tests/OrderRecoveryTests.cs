using MedPlatform.Common;
using MedPlatform.Identity;
using MedPlatform.Mall;
using MedPlatform.Orders;
using static MedPlatform.Grains.Tests.ForumActors;
using static MedPlatform.Grains.Tests.MallActors;
using static MedPlatform.Grains.Tests.OrderActors;

namespace MedPlatform.Grains.Tests;

/// <summary>
/// Processing crashes at each step in turn (the in-memory activation is dropped, as if the silo
/// died); the order sweep re-drives it. Every order must end right and be charged exactly once.
/// </summary>
[Collection(nameof(GrainCluster))]
public sealed class OrderRecoveryTests(GrainTestCluster cluster)
{
    [Theory]
    [InlineData(OrderStep.Reserve)]
    [InlineData(OrderStep.DrawPrescriptions)]
    [InlineData(OrderStep.Charge)]
    [InlineData(OrderStep.RecordPayment)]
    [InlineData(OrderStep.Route)]
    public async Task A_crash_at_any_processing_step_still_ends_awaiting_review_charged_exactly_once(OrderStep step)
    {
        var patient = await Patient(cluster);
        var (_, otc) = await Product(cluster, Otc(stock: 10));
        var (_, rx) = await Product(cluster, Rx(stock: 10));
        var prescription = await Prescribe(cluster, await Doctor(cluster), patient, rx.Id, quantity: 3);
        await AddToCart(cluster, patient, otc.Id, 2);
        await AddToCart(cluster, patient, rx.Id, 3, prescription.Id);
        cluster.Faults.CrashNextOrderOf(patient.UserId, step);

        var placed = await Checkout(cluster, patient);
        var order = await WaitFor(cluster, patient, placed.Id, OrderStatus.AwaitingReview);

        Assert.Equal(1, cluster.Faults.CrashesOf(patient.UserId));
        Assert.Equal((1, "charged"), await Ledger(cluster, placed.Id));
        Assert.Equal(8, await Stock(cluster, otc.Id));
        Assert.Equal(7, await Stock(cluster, rx.Id));
        Assert.Equal(0, await Remaining(cluster, patient, prescription.Id));
        Assert.Equal(1, order.History.Count(h => h.Status == OrderStatus.Paid));
    }

    [Theory]
    [InlineData(OrderStep.Refund)]
    [InlineData(OrderStep.GiveBack)]
    public async Task A_crash_while_refunding_still_refunds_once_and_gives_everything_back(OrderStep step)
    {
        var patient = await Patient(cluster);
        var (_, rx) = await Product(cluster, Rx(stock: 10));
        var prescription = await Prescribe(cluster, await Doctor(cluster), patient, rx.Id, quantity: 2);
        await AddToCart(cluster, patient, rx.Id, 2, prescription.Id);
        var placed = await Checkout(cluster, patient);
        await WaitFor(cluster, patient, placed.Id, OrderStatus.AwaitingReview);
        cluster.Faults.CrashNextOrderOf(patient.UserId, step);

        // The crash reaches the caller (as a failed request would); the pending exit is finished by the order sweep.
        await Assert.ThrowsAnyAsync<Exception>(() => cluster.Grains.GetGrain<IOrderGrain>(placed.Id).Cancel(patient));
        await WaitFor(cluster, patient, placed.Id, OrderStatus.Refunded);

        Assert.Equal((1, "refunded"), await Ledger(cluster, placed.Id));
        Assert.Equal(10, await Stock(cluster, rx.Id));
        Assert.Equal(2, await Remaining(cluster, patient, prescription.Id));
    }

    [Fact]
    public async Task Stock_and_prescriptions_add_up_after_any_mix_of_orders()
    {
        var pharmacist = await Staff(cluster, Role.Pharmacist);
        var doctor = await Doctor(cluster);
        var (_, otc) = await Product(cluster, Otc(stock: 100));
        var (_, rx) = await Product(cluster, Rx(stock: 100));
        var random = new Random(20261127);
        var prescriptions = new List<(Caller Patient, string PrescriptionId)>();
        var orders = new List<(Caller Patient, string OrderId, string? PrescriptionId, int Otc, int Rx)>();

        for (var i = 0; i < 16; i++)
        {
            var patient = await Patient(cluster);
            var prescription = await Prescribe(cluster, doctor, patient, rx.Id, quantity: 3);
            prescriptions.Add((patient, prescription.Id));
            var otcUnits = random.Next(1, 4);
            var rxUnits = random.Next(0, 4);
            await AddToCart(cluster, patient, otc.Id, otcUnits);
            if (rxUnits > 0)
                await AddToCart(cluster, patient, rx.Id, rxUnits, prescription.Id);
            var declined = i % 5 == 0;
            var placed = await Checkout(cluster, patient, card: declined ? "4000000000000002" : GoodCard);
            orders.Add((patient, placed.Id, rxUnits > 0 ? prescription.Id : null, otcUnits, rxUnits));
        }

        // Let processing settle, then act on the orders: cancel some, reject some, ship some.
        var settled = new List<OrderView>();
        foreach (var (patient, orderId, _, _, rxUnits) in orders)
        {
            settled.Add(await WaitFor(cluster, patient, orderId,
                orders.IndexOf(orders.First(o => o.OrderId == orderId)) % 5 == 0 ? OrderStatus.PaymentFailed
                : rxUnits > 0 ? OrderStatus.AwaitingReview : OrderStatus.ReadyToShip));
        }
        for (var i = 0; i < orders.Count; i++)
        {
            var order = cluster.Grains.GetGrain<IOrderGrain>(orders[i].OrderId);
            switch (settled[i].Status, i % 3)
            {
                case (OrderStatus.AwaitingReview, 0): await order.Reject(pharmacist, "Not suitable."); break;
                case (OrderStatus.AwaitingReview, 1): await order.Approve(pharmacist); await order.Ship(pharmacist, $"TRK-{i}"); break;
                case (OrderStatus.ReadyToShip, 0): await order.Cancel(orders[i].Patient); break;
                case (OrderStatus.ReadyToShip, 1): await order.Ship(pharmacist, $"TRK-{i}"); await order.Deliver(pharmacist); break;
            }
        }

        var final = new List<OrderView>();
        foreach (var (patient, orderId, _, _, _) in orders)
            final.Add(await cluster.Grains.GetGrain<IOrderGrain>(orderId).View(patient));
        var live = final.Zip(orders).Where(p => p.First.Status is not (OrderStatus.PaymentFailed or OrderStatus.Cancelled or OrderStatus.Refunded)).ToList();
        Assert.Contains(final, o => o.Status == OrderStatus.Refunded);
        Assert.Contains(final, o => o.Status == OrderStatus.PaymentFailed);
        Assert.Contains(final, o => o.Status == OrderStatus.Delivered);

        Assert.Equal(100 - live.Sum(p => p.Second.Otc), await Stock(cluster, otc.Id));
        Assert.Equal(100 - live.Sum(p => p.Second.Rx), await Stock(cluster, rx.Id));
        foreach (var (patient, prescriptionId) in prescriptions)
        {
            var drawn = live.Where(p => p.Second.PrescriptionId == prescriptionId).Sum(p => p.Second.Rx);
            Assert.Equal(3 - drawn, await Remaining(cluster, patient, prescriptionId));
        }
        foreach (var (order, placed) in final.Zip(orders))
        {
            var (charges, status) = await Ledger(cluster, placed.OrderId);
            Assert.Equal(order.Status == OrderStatus.PaymentFailed ? 0 : 1, charges);
            Assert.Equal(order.Status switch { OrderStatus.PaymentFailed => "voided", OrderStatus.Refunded => "refunded", _ => "charged" }, status);
        }
    }
}
