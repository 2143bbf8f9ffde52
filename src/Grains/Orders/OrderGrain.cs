using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using MedPlatform.Mall;
using MedPlatform.Notifications;
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
    Notifier notifier,
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
            // Placed before order numbers existed: it takes one the first time it is woken. A failure
            // here must not make the order unreadable: it tries again at its next activation.
            try
            {
                Order.OrderNumber = await numbers.Claim(Id);
                await this.Save(state);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Order.OrderNumber = null;
                LogNumberNotClaimed(e, Id);
            }
        }
        // The read model converges even if a silo died between saving a change and projecting it.
        await Project();
        // So does the patient: a step saved just before a silo died is told now (telling twice tells once).
        if (Order.HistoryTold < Order.History.Count)
            await TellPatient();
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
        var addressErrors = new Dictionary<string, string[]>();
        ShippingAddressRules.Validate(order.Address, "shippingAddress.", addressErrors);
        if (addressErrors.Count > 0)
            throw DomainException.Invalid(addressErrors);

        var now = clock.GetUtcNow();
        // Claimed before anything is saved; a retry of this placement claims the same number again.
        var number = await numbers.Claim(Id);
        state.State = new OrderState
        {
            PatientId = order.Patient.UserId,
            CheckoutKey = order.CheckoutKey,
            HistoryTold = 0,
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

    public Task Resume() => Exists ? Advance() : Task.CompletedTask;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await Resume();
        if (reminderName == LegacyRetryReminder && await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
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
        await TellPatient();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: no order number could be claimed; it is tried again when the order is next woken")]
    private partial void LogNumberNotClaimed(Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: the payment gateway is unavailable ({Reason}); the charge will be retried")]
    private partial void LogGatewayUnavailable(string orderId, string reason);
}
