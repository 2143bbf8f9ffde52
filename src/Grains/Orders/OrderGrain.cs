using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using MedPlatform.Mall;
using MedPlatform.Orders.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace MedPlatform.Orders;

/// <summary>
/// The order state machine. Each automatic step does its side effects first (all idempotent by
/// order id) and then records the new status, so a crash anywhere is finished by running the steps
/// again; reserving and charging are saved together with the routing that follows them, one write
/// instead of three. An exit (cancel, refund, failed payment) is saved as pending before anything
/// is given back, so a crash part-way through is finished by the next Resume. Resumes come from
/// the order sweep (<see cref="OrderSweepGrain"/>), which finds unfinished orders by their
/// read-model row.
/// </summary>
public sealed partial class OrderGrain(
    [PersistentState("order", StorageNames.Orders)] IPersistentState<OrderState> state,
    OrderDirectory directory,
    OrderNumbers numbers,
    IPaymentGateway gateway,
    IOrderFaults faults,
    AuditLog audit,
    PlatformClock clock,
    PlatformMetrics metrics,
    IOptions<OrderOptions> options,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IOrderPlacement, IRemindable
{
    // Orders placed before the order sweep each had a reminder; one that fires is resumed and dropped.
    private const string LegacyRetryReminder = "order-processing";
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private string Id => this.GetPrimaryKeyString();
    private OrderState Order => state.State;
    private bool Exists => Order.Exists && ProductIds.IsCanonical(Id);
    private bool NeedsProcessing => Order.Exit is not null || IsAutomatic(Order.Status);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Exists)
            return;
        if (Order.OrderNumber is null)
        {
            // Placed before order numbers existed: it takes one the first time it is woken.
            Order.OrderNumber = await numbers.Claim(Id);
            await this.Save(state);
        }
        // The read model converges even if a silo died between saving a change and projecting it.
        await Project();
    }

    public Task<OrderView?> Placed() => Task.FromResult(Exists ? ToView() : null);

    public async Task<OrderView> Confirm()
    {
        if (!Exists)
            throw DomainException.NotFound("No such order.");
        // A retried checkout may follow a placement that saved the order but failed after: make
        // sure the order is being processed (without running it inside the checkout call).
        if (NeedsProcessing)
            await Announce();
        return ToView();
    }

    public async Task<OrderView> Place(PlaceOrder order)
    {
        if (!ProductIds.IsCanonical(Id))
            throw new ArgumentException($"'{Id}' is not an order id.");
        if (Order.Exists)
            return Order.CheckoutKey == order.CheckoutKey ? ToView() : throw DomainException.Conflict("An order with this id already exists.");
        if (order.Items.Count == 0)
            throw DomainException.Unprocessable("An order needs at least one item.");

        var now = clock.GetUtcNow();
        // Claimed before anything is saved; a retry of this placement claims the same number again.
        var number = await numbers.Claim(Id);
        state.State = new OrderState
        {
            PatientId = order.Patient.UserId,
            CheckoutKey = order.CheckoutKey,
            Items = order.Items.Select(i => new OrderItem
            {
                ProductId = i.ProductId, Name = i.Name, Quantity = i.Quantity, UnitPriceCents = i.UnitPriceCents, PrescriptionId = i.PrescriptionId,
            }).ToList(),
            TotalCents = order.Items.Sum(i => i.UnitPriceCents * i.Quantity),
            Address = order.Address,
            PaymentToken = order.PaymentToken,
            CardLast4 = order.CardLast4,
            Status = OrderStatus.Placed,
            History = [new OrderHistoryEntry(OrderStatus.Placed, now, order.Patient.UserId, null)],
            CreatedAt = now,
            Version = 1,
            OrderNumber = number,
            VatRatePercent = options.Value.VatRatePercent,
        };
        Order.EstimatedDelivery = OrderReceipt.Estimate(now, options.Value, Order.NeedsReview);
        try
        {
            // The read-model row goes first: it is the durable marker the order sweep finds even if
            // the silo dies before the state is saved (then the sweep finds no order and drops it).
            await MarkNeedsProcessing();
            await this.Save(state);
        }
        catch
        {
            // Nothing half-placed may linger in memory: the next call starts again from storage.
            state.State = new OrderState();
            this.DeactivateOnIdle();
            throw;
        }
        metrics.OrderPlaced();
        await audit.Record("order.placed", order.Patient.UserId, $"order:{Id} total:{Order.TotalCents}", order.Patient.ClientAddress, order.Patient.UserId);
        await Announce();
        return ToView();
    }

    /// <summary>Publishes the event that starts processing (the processor grain calls <see cref="Resume"/>).</summary>
    private Task Announce() =>
        this.GetStreamProvider(OrderEvents.StreamProvider)
            .GetStream<OrderPlaced>(StreamId.Create(OrderEvents.PlacedNamespace, Id))
            .OnNextAsync(new OrderPlaced(Id, clock.GetUtcNow()));

    public async Task<OrderView> View(Caller viewer)
    {
        await EnsureReadableBy(viewer);
        if (viewer.UserId != Order.PatientId)
            await audit.Record("order.viewed", viewer.UserId, $"order:{Id}", viewer.ClientAddress, Order.PatientId);
        return ToView();
    }

    public async Task<OrderView> WaitForChange(Caller viewer, int knownVersion, TimeSpan wait)
    {
        await EnsureReadableBy(viewer);
        var deadline = Task.Delay(wait);
        while (Order.Version <= knownVersion && !deadline.IsCompleted)
            await Task.WhenAny(changed.Task, deadline);
        return ToView();
    }

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

    public Task Resume() => Exists ? Advance() : Task.CompletedTask;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await Resume();
        if (reminderName == LegacyRetryReminder && await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>Runs the automatic steps until the order waits for a person, is finished, or must wait for the gateway.</summary>
    private async Task Advance()
    {
        try
        {
            if (Order.Exit is not null)
                await FinishExit();
            while (Order.Exit is null && IsAutomatic(Order.Status))
            {
                if (Order.Status is OrderStatus.Placed or OrderStatus.StockReserved
                    && clock.GetUtcNow() - Order.CreatedAt > options.Value.GiveUpAfter)
                {
                    await BeginExit(OrderStatus.PaymentFailed, null, "The payment could not be completed in time; any charge has been refunded.");
                    await FinishExit();
                    break;
                }
                if (!await Step())
                    break;
            }
            // The sweep stops resuming the order once the read model shows where it is.
            await Project();
        }
        catch (Exception e) when (e is not DomainException)
        {
            // Whatever was done is idempotent; what was not saved is dropped with this activation.
            // The order sweep runs the steps again.
            LogStepFailed(e, Id, Order.Status);
            this.DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>One automatic step. False when the order must wait (the gateway is unavailable).</summary>
    private async Task<bool> Step()
    {
        switch (Order.Status)
        {
            case OrderStatus.Placed:
                if (await ReserveAndDraw() is { } refusal)
                {
                    await BeginExit(OrderStatus.Cancelled, null, refusal);
                    await FinishExit();
                }
                else
                {
                    // Not saved on its own: reserving again is a no-op, so the save after the charge covers it.
                    Record(OrderStatus.StockReserved, null, null);
                }
                return true;

            case OrderStatus.StockReserved:
                await faults.Before(Id, Order.PatientId!, OrderStep.Charge);
                ChargeResult charge;
                try
                {
                    charge = await gateway.Charge(Id, Order.PaymentToken, Order.TotalCents);
                }
                catch (PaymentGatewayUnavailableException e)
                {
                    LogGatewayUnavailable(Id, e.Message);
                    return false;
                }
                if (charge.Outcome == ChargeOutcome.Declined)
                {
                    await BeginExit(OrderStatus.PaymentFailed, null, charge.DeclineReason);
                    await FinishExit();
                    return true;
                }
                await faults.Before(Id, Order.PatientId!, OrderStep.RecordPayment);
                Order.PaymentId = charge.PaymentId;
                // A sealed card (cluster mode) has done its work: the save right after routing drops it.
                // Until then a crash charges again, which the gateway answers with this same payment.
                Order.PaymentToken = "";
                Record(OrderStatus.Paid, null, $"Card ending {Order.CardLast4} charged.");
                metrics.OrderPaid();
                return true;

            case OrderStatus.Paid:
                await faults.Before(Id, Order.PatientId!, OrderStep.Route);
                await MoveTo(Order.NeedsReview ? OrderStatus.AwaitingReview : OrderStatus.ReadyToShip, null,
                    Order.NeedsReview ? "A pharmacist checks the prescriptions." : null, project: false);
                return true;

            default:
                return false;
        }
    }

    /// <summary>Takes the units out of stock and off the prescriptions. Null when done, otherwise why it could not be.</summary>
    private async Task<string?> ReserveAndDraw()
    {
        await faults.Before(Id, Order.PatientId!, OrderStep.Reserve);
        try
        {
            foreach (var item in Order.Items)
                await GrainFactory.GetGrain<IProductGrain>(item.ProductId).Reserve(Id, item.Quantity);
            await faults.Before(Id, Order.PatientId!, OrderStep.DrawPrescriptions);
            foreach (var prescription in Order.Items.Where(i => i.PrescriptionId is not null).GroupBy(i => i.PrescriptionId!))
            {
                await GrainFactory.GetGrain<IPrescriptionGrain>(prescription.Key)
                    .Draw(Id, Order.PatientId!, prescription.Select(i => new PrescriptionLine(i.ProductId, i.Quantity)).ToList());
            }
            return null;
        }
        catch (DomainException refusal) when (refusal.Kind is ProblemKind.Conflict or ProblemKind.Unprocessable or ProblemKind.NotFound)
        {
            return refusal.Detail;
        }
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
        if (exit.Status == OrderStatus.PaymentFailed)
        {
            // The patient pays again with another card from a full cart, not by building it again.
            await GrainFactory.GetGrain<ICartReturns>(Order.PatientId!).TakeBack(Id, ToView().Items);
        }
        Order.Exit = null;
        Order.PaymentToken = "";
        await MoveTo(exit.Status, exit.ActorId, exit.Note);
        metrics.OrderFailed(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(exit.Status.ToString()));
    }

    /// <summary>
    /// Records and saves a transition. Automatic steps skip the read model (<paramref name="project"/>
    /// false) and Advance projects once when it stops: lists see the order a few milliseconds later,
    /// and the row still says "needs processing" if anything stops in between.
    /// </summary>
    private async Task MoveTo(OrderStatus status, string? actorId, string? note, bool project = true)
    {
        Record(status, actorId, note);
        await this.Save(state);
        if (project)
            await Project();
        changed.TrySetResult();
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A transition in memory only: the next <see cref="MoveTo"/> saves it with its own.</summary>
    private void Record(OrderStatus status, string? actorId, string? note)
    {
        Order.Status = status;
        Order.History.Add(new OrderHistoryEntry(status, clock.GetUtcNow(), actorId, note));
        Order.Version++;
    }

    /// <summary>Unlike <see cref="Project"/>, fails the caller: what follows relies on the sweep finding the order.</summary>
    private Task MarkNeedsProcessing() => directory.Upsert(ToView(), needsProcessing: true);

    private async Task EnsureReadableBy(Caller viewer)
    {
        if (!Exists)
            throw DomainException.NotFound("No such order.");
        if (viewer.UserId == Order.PatientId && viewer.Role == Role.Patient)
            return;
        try
        {
            await RoleCheck.EnsureStaff(GrainFactory, viewer);
        }
        catch (DomainException)
        {
            throw DomainException.NotFound("No such order.");
        }
    }

    private async Task EnsurePharmacist(Caller caller)
    {
        if (!Exists)
            throw DomainException.NotFound("No such order.");
        if (caller.Role != Role.Pharmacist)
            throw DomainException.Forbidden("Only pharmacists handle orders in the pharmacy.");
        await RoleCheck.EnsureStaff(GrainFactory, caller);
    }

    private void EnsureStatus(OrderStatus required, string verb)
    {
        if (Order.Exit is not null || Order.Status != required)
            throw DomainException.Conflict($"An order that is {Camel(Order.Exit?.Status ?? Order.Status)} cannot be {verb}; it must be {Camel(required)}.");
    }

    private static string Camel(OrderStatus status) => char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];

    private static bool IsAutomatic(OrderStatus status) => status is OrderStatus.Placed or OrderStatus.StockReserved or OrderStatus.Paid;

    private OrderView ToView()
    {
        var vatRate = Order.VatRatePercent ?? options.Value.VatRatePercent;
        return new(Id, Order.PatientId!, Order.Status, Order.TotalCents,
            Order.Items.Select(i => new OrderItemView(i.ProductId, i.Name, i.Quantity, i.UnitPriceCents, i.PrescriptionId)).ToList(),
            // A copy: views are [Immutable], so in one process a caller would otherwise share the live list.
            Order.Address, Order.TrackingNumber, Order.History.ToList(), Order.CardLast4, Order.PaymentId, Order.CreatedAt, Order.Version,
            Order.OrderNumber, OrderReceipt.VatIncluded(Order.TotalCents, vatRate), vatRate,
            Order.Status.IsFinal() ? null : Order.EstimatedDelivery);
    }

    private Task<bool> Project() => this.Project(() => directory.Upsert(ToView(), NeedsProcessing), logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: a step from {Status} failed; it will be retried")]
    private partial void LogStepFailed(Exception exception, string orderId, OrderStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: the payment gateway is unavailable ({Reason}); the charge will be retried")]
    private partial void LogGatewayUnavailable(string orderId, string reason);
}
