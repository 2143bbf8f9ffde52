using MedPlatform.Common;
using MedPlatform.Identity;
using MedPlatform.Orders;
using MedPlatform.TestSupport;
using static MedPlatform.Grains.Tests.Accounts;
using static MedPlatform.Grains.Tests.ForumActors;
using static MedPlatform.Grains.Tests.MallActors;
using static MedPlatform.Grains.Tests.OrderActors;

namespace MedPlatform.Grains.Tests;

[Collection(nameof(GrainCluster))]
public sealed class OrderGrainTests(GrainTestCluster cluster)
{
    [Fact]
    public async Task An_otc_order_is_reserved_charged_once_and_ready_to_ship()
    {
        var patient = await Patient(cluster);
        var (_, product) = await Product(cluster, Otc(stock: 10, priceCents: 300));
        await AddToCart(cluster, patient, product.Id, 3);

        var placed = await Checkout(cluster, patient);
        var ready = await WaitFor(cluster, patient, placed.Id, OrderStatus.ReadyToShip);

        Assert.Equal(OrderStatus.Placed, placed.Status);
        Assert.Equal(900, ready.TotalCents);
        Assert.Equal([OrderStatus.Placed, OrderStatus.StockReserved, OrderStatus.Paid, OrderStatus.ReadyToShip], ready.History.Select(h => h.Status));
        Assert.Equal("4242", ready.CardLast4);
        Assert.Equal(7, await Stock(cluster, product.Id));
        Assert.Equal((1, "charged"), await Ledger(cluster, placed.Id));
        Assert.Empty((await cluster.Grains.GetGrain<MedPlatform.Mall.ICartGrain>(patient.UserId).View(patient)).Items);
    }

    [Fact]
    public async Task A_prescription_order_waits_for_the_pharmacist_then_ships_and_is_delivered()
    {
        var patient = await Patient(cluster);
        var pharmacist = await Staff(cluster, Role.Pharmacist);
        var (_, product) = await Product(cluster, Rx(stock: 10));
        var prescription = await Prescribe(cluster, await Doctor(cluster), patient, product.Id, quantity: 2);
        await AddToCart(cluster, patient, product.Id, 2, prescription.Id);

        var placed = await Checkout(cluster, patient);
        await WaitFor(cluster, patient, placed.Id, OrderStatus.AwaitingReview);
        var order = cluster.Grains.GetGrain<IOrderGrain>(placed.Id);
        await Refused(ProblemKind.Conflict, () => order.Ship(pharmacist, "DHL-1"));
        await order.Approve(pharmacist);
        var shipped = await order.Ship(pharmacist, "DHL-12345");
        var delivered = await order.Deliver(pharmacist);

        Assert.Equal("DHL-12345", shipped.TrackingNumber);
        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.Equal(0, await Remaining(cluster, patient, prescription.Id));
        Assert.Equal(8, await Stock(cluster, product.Id));
        Assert.Equal(pharmacist.UserId, delivered.History.Single(h => h.Status == OrderStatus.ReadyToShip).ActorId);
    }

    [Fact]
    public async Task A_declined_card_ends_in_payment_failed_with_stock_and_prescription_restored()
    {
        var patient = await Patient(cluster);
        var (_, product) = await Product(cluster, Rx(stock: 10));
        var prescription = await Prescribe(cluster, await Doctor(cluster), patient, product.Id, quantity: 2);
        await AddToCart(cluster, patient, product.Id, 2, prescription.Id);

        var placed = await Checkout(cluster, patient, card: "4000 0000 0000 0002");
        var failed = await WaitFor(cluster, patient, placed.Id, OrderStatus.PaymentFailed);

        Assert.Contains("declined", failed.History[^1].Note, StringComparison.Ordinal);
        Assert.Equal(10, await Stock(cluster, product.Id));
        Assert.Equal(2, await Remaining(cluster, patient, prescription.Id));
        Assert.Equal((0, "voided"), await Ledger(cluster, placed.Id));

        // The lines are back in the cart, once: an exit finished again after a crash adds nothing.
        var cart = cluster.Grains.GetGrain<MedPlatform.Mall.ICartGrain>(patient.UserId);
        var line = Assert.Single((await cart.View(patient)).Items);
        Assert.Equal((product.Id, 2, prescription.Id, true), (line.ProductId, line.Quantity, line.PrescriptionId, line.Available));
        await cart.RemoveLine(patient, product.Id);
        await cluster.Grains.GetGrain<MedPlatform.Mall.ICartReturns>(patient.UserId).TakeBack(placed.Id, failed.Items);
        Assert.Empty((await cart.View(patient)).Items);
    }

    [Fact]
    public async Task A_paid_order_cancelled_by_its_patient_is_refunded_and_everything_given_back()
    {
        var patient = await Patient(cluster);
        var (_, product) = await Product(cluster, Otc(stock: 10));
        await AddToCart(cluster, patient, product.Id, 4);
        var placed = await Checkout(cluster, patient);
        await WaitFor(cluster, patient, placed.Id, OrderStatus.ReadyToShip);

        var cancelled = await cluster.Grains.GetGrain<IOrderGrain>(placed.Id).Cancel(patient);

        Assert.Equal(OrderStatus.Refunded, cancelled.Status);
        Assert.Equal(10, await Stock(cluster, product.Id));
        Assert.Equal((1, "refunded"), await Ledger(cluster, placed.Id));
        // The patient chose this: nothing is put back in the cart behind her back.
        Assert.Empty((await cluster.Grains.GetGrain<MedPlatform.Mall.ICartGrain>(patient.UserId).View(patient)).Items);
    }

    [Fact]
    public async Task A_rejected_order_is_refunded_and_its_prescription_restored()
    {
        var patient = await Patient(cluster);
        var (_, product) = await Product(cluster, Rx(stock: 10));
        var prescription = await Prescribe(cluster, await Doctor(cluster), patient, product.Id, quantity: 1);
        await AddToCart(cluster, patient, product.Id, 1, prescription.Id);
        var placed = await Checkout(cluster, patient);
        await WaitFor(cluster, patient, placed.Id, OrderStatus.AwaitingReview);

        var rejected = await cluster.Grains.GetGrain<IOrderGrain>(placed.Id).Reject(await Staff(cluster, Role.Pharmacist), "The prescription is for a different strength.");

        Assert.Equal(OrderStatus.Refunded, rejected.Status);
        Assert.Contains("different strength", rejected.History[^1].Note, StringComparison.Ordinal);
        Assert.Equal(1, await Remaining(cluster, patient, prescription.Id));
        Assert.Equal(10, await Stock(cluster, product.Id));
        Assert.Equal((1, "refunded"), await Ledger(cluster, placed.Id));
    }

    [Fact]
    public async Task Shipped_orders_cannot_be_cancelled_and_other_patients_cannot_see_or_touch_an_order()
    {
        var patient = await Patient(cluster);
        var pharmacist = await Staff(cluster, Role.Pharmacist);
        var (_, product) = await Product(cluster, Otc(stock: 10));
        await AddToCart(cluster, patient, product.Id, 1);
        var placed = await Checkout(cluster, patient);
        await WaitFor(cluster, patient, placed.Id, OrderStatus.ReadyToShip);
        var order = cluster.Grains.GetGrain<IOrderGrain>(placed.Id);
        var stranger = await Patient(cluster);

        await Refused(ProblemKind.NotFound, () => order.View(stranger));
        await Refused(ProblemKind.NotFound, () => order.Cancel(stranger));
        await Refused(ProblemKind.Forbidden, () => order.Ship(patient, "DHL-1"));
        await Refused(ProblemKind.Forbidden, async () => await order.Ship(await Staff(cluster, Role.Admin), "DHL-1"));
        await order.Ship(pharmacist, "DHL-777");
        await Refused(ProblemKind.Conflict, () => order.Cancel(patient));
        await Refused(ProblemKind.Conflict, () => order.Approve(pharmacist));
    }

    [Fact]
    public async Task The_same_key_from_the_same_patient_is_one_order_and_from_another_patient_another()
    {
        var patient = await Patient(cluster);
        var other = await Patient(cluster);
        var (_, product) = await Product(cluster, Otc(stock: 10));
        await AddToCart(cluster, patient, product.Id, 1);
        await AddToCart(cluster, other, product.Id, 1);

        var first = await Checkout(cluster, patient, key: "same-key");
        var again = await Checkout(cluster, patient, key: "same-key");
        var theirs = await Checkout(cluster, other, key: "same-key");

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, theirs.Id);
        var mine = await cluster.Grains.GetGrain<IOrdersGrain>(0).Mine(patient, new OrderQuery(null, new PageRequest(1, 10)));
        Assert.Equal([first.Id], mine.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task Checkout_refuses_an_empty_cart_a_bad_card_and_a_line_short_of_stock()
    {
        var patient = await Patient(cluster);
        var (product, view) = await Product(cluster, Otc(stock: 5));

        await Refused(ProblemKind.Unprocessable, () => Checkout(cluster, patient));
        await AddToCart(cluster, patient, view.Id, 5);
        await Refused(ProblemKind.Invalid, () => Checkout(cluster, patient, card: "4242 4242 4242 4241"));
        await product.AdjustStock(await Staff(cluster, Role.Pharmacist), -3, "Water damage");
        await Refused(ProblemKind.Conflict, () => Checkout(cluster, patient));
    }

    [Fact]
    public async Task An_order_that_finds_the_stock_gone_is_cancelled_cleanly()
    {
        var patient = await Patient(cluster);
        var pharmacist = await Staff(cluster, Role.Pharmacist);
        var (product, view) = await Product(cluster, Otc(stock: 5));
        var (_, other) = await Product(cluster, Otc(stock: 5));
        await AddToCart(cluster, patient, other.Id, 2);
        await AddToCart(cluster, patient, view.Id, 5);
        cluster.Faults.HoldOrdersOf(patient.UserId, OrderStep.Reserve);
        var placed = await Checkout(cluster, patient);

        await product.AdjustStock(pharmacist, -1, "Sold in the shop");
        cluster.Faults.Release(patient.UserId);
        var cancelled = await WaitFor(cluster, patient, placed.Id, OrderStatus.Cancelled);

        Assert.Contains("left in stock", cancelled.History[^1].Note, StringComparison.Ordinal);
        Assert.Equal(4, await Stock(cluster, view.Id));
        Assert.Equal(5, await Stock(cluster, other.Id));
        Assert.Equal((0, "voided"), await Ledger(cluster, placed.Id));
        // Nobody chose this exit: the lines are back in the cart, the short one says so.
        var cart = await cluster.Grains.GetGrain<MedPlatform.Mall.ICartGrain>(patient.UserId).View(patient);
        Assert.Equal([(other.Id, 2, true), (view.Id, 5, false)], cart.Items.Select(l => (l.ProductId, l.Quantity, l.Available)).OrderBy(l => l.Item3 ? 0 : 1));
    }

    [Fact]
    public async Task An_order_cancelled_before_it_is_processed_gives_nothing_away()
    {
        var patient = await Patient(cluster);
        var (_, product) = await Product(cluster, Otc(stock: 5));
        await AddToCart(cluster, patient, product.Id, 2);
        cluster.Faults.HoldOrdersOf(patient.UserId, OrderStep.Charge);
        var placed = await Checkout(cluster, patient);
        // The reservation is saved with the payment, so the stock is what shows it was made.
        await Poll.UntilAsync(async () => await Stock(cluster, product.Id) == 3, TimeSpan.FromSeconds(20), "the stock to be reserved");

        var cancelled = await cluster.Grains.GetGrain<IOrderGrain>(placed.Id).Cancel(patient);
        cluster.Faults.Release(patient.UserId);
        await cluster.Grains.GetGrain<IOrderGrain>(placed.Id).Resume(); // what a late sweep does: nothing is left to do

        Assert.Equal(OrderStatus.Cancelled, (await cluster.Grains.GetGrain<IOrderGrain>(placed.Id).View(patient)).Status);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(5, await Stock(cluster, product.Id));
        Assert.Equal((0, "voided"), await Ledger(cluster, placed.Id));
    }

    [Fact]
    public async Task A_retried_rejection_answers_the_refunded_order()
    {
        var patient = await Patient(cluster);
        var pharmacist = await Staff(cluster, Role.Pharmacist);
        var (_, product) = await Product(cluster, Rx(stock: 10));
        var prescription = await Prescribe(cluster, await Doctor(cluster), patient, product.Id, quantity: 1);
        await AddToCart(cluster, patient, product.Id, 1, prescription.Id);
        var placed = await Checkout(cluster, patient);
        await WaitFor(cluster, patient, placed.Id, OrderStatus.AwaitingReview);
        var order = cluster.Grains.GetGrain<IOrderGrain>(placed.Id);

        await order.Reject(pharmacist, "Wrong strength.");
        var again = await order.Reject(pharmacist, "Wrong strength.");

        Assert.Equal(OrderStatus.Refunded, again.Status);
        Assert.Equal((1, "refunded"), await Ledger(cluster, placed.Id));
    }

    [Fact]
    public async Task Each_view_is_its_own_copy_of_the_history()
    {
        var patient = await Patient(cluster);
        var (_, product) = await Product(cluster, Otc(stock: 10));
        await AddToCart(cluster, patient, product.Id, 1);
        var placed = await Checkout(cluster, patient);
        var order = cluster.Grains.GetGrain<IOrderGrain>(placed.Id);

        var first = await order.View(patient);
        var second = await order.View(patient);

        Assert.NotSame(first.History, second.History);
    }

    [Fact]
    public async Task Two_checkouts_of_one_cart_at_once_place_one_order()
    {
        var patient = await Patient(cluster);
        var (_, product) = await Product(cluster, Otc(stock: 10));
        await AddToCart(cluster, patient, product.Id, 2);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try { return (await Checkout(cluster, patient)).Id; }
            catch (DomainException e) when (e.Kind == ProblemKind.Unprocessable) { return null; }
        }));

        var orderId = Assert.Single(outcomes.OfType<string>());
        await WaitFor(cluster, patient, orderId, OrderStatus.ReadyToShip);
        Assert.Equal(8, await Stock(cluster, product.Id));
    }
}
