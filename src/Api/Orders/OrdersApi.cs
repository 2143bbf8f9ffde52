using System.Text.Json;
using MedPlatform.Api.Auth;
using MedPlatform.Api.Common;
using MedPlatform.Api.Operations;
using MedPlatform.Common;
using MedPlatform.Mall;
using MedPlatform.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MedPlatform.Api.Orders;

/// <summary>Checkout, the patient's orders with live status, and the pharmacy's queue.</summary>
public static class OrdersApi
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders");
        orders.MapPost("", Checkout).RequireAuthorization(Policies.Patient).RequireRateLimiting(RateLimits.Checkout)
            .WithMetadata(new Errors.RepeatableWithIdempotencyKey()).WithName("checkout")
            .WithSummary("Check out the cart (send an Idempotency-Key); processing continues after the 202").Refuses(409, 422);
        orders.MapGet("", Mine).RequireAuthorization(Policies.Patient).WithName("listMyOrders")
            .WithSummary("Your orders, newest first; payment attempts that failed only when asked for (status=paymentFailed)");
        orders.MapGet("/{id}", Get).RequireAuthorization(Policies.SignedIn).WithName("getOrder")
            .WithSummary("An order with its history (its patient, pharmacists, admins)");
        orders.MapGet("/{id}/events", Events).RequireAuthorization(Policies.Patient).WithName("followOrder")
            .WithSummary("Server-sent events: one 'status' event per change")
            .WithDescription("A `text/event-stream` of `status` events whose data is a StatusEvent; the stream ends when the order can change no more.")
            .Produces<StatusEvent>(StatusCodes.Status200OK, "text/event-stream");
        orders.MapPost("/{id}/cancel", Cancel).RequireAuthorization(Policies.SignedIn).WithName("cancelOrder")
            .WithSummary("Cancel before shipping (its patient, pharmacists, admins); refunded if already paid").Refuses(409);

        var pharmacy = app.MapGroup("/api/pharmacy/orders").WithTags("Pharmacy");
        pharmacy.MapGet("", Queue).RequireAuthorization(Policies.Staff).WithName("listPharmacyOrders")
            .WithSummary("Orders by status, oldest first; or the one order with a number (number=MP-7F3K2Q, read out loosely)");
        pharmacy.MapPost("/{id}/approve", Approve).RequireAuthorization(Policies.Pharmacist).WithName("approveOrder")
            .WithSummary("Prescription review passed").Refuses(409);
        pharmacy.MapPost("/{id}/reject", Reject).RequireAuthorization(Policies.Pharmacist).WithName("rejectOrder")
            .WithSummary("Refuse: refund, stock and prescriptions restored").Refuses(409);
        pharmacy.MapPost("/{id}/ship", Ship).RequireAuthorization(Policies.Pharmacist).WithName("shipOrder")
            .WithSummary("Hand over to the carrier with a tracking number").Refuses(409);
        pharmacy.MapPost("/{id}/deliver", Deliver).RequireAuthorization(Policies.Pharmacist).WithName("deliverOrder")
            .WithSummary("Delivered to the patient").Refuses(409);
        return app;
    }

    static async Task<Accepted<OrderView>> Checkout(CheckoutRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        Caller patient, IGrainFactory grains, TimeProvider clock, MedPlatform.Hosting.PlatformMetrics metrics)
    {
        var key = OrderValidation.IdempotencyKey(idempotencyKey);
        var (address, card) = request.ToCheckout(clock);
        var order = await grains.GetGrain<ICheckoutGrain>(MedPlatform.Orders.CheckoutGrain.KeyFor(patient.UserId, key)).Checkout(patient, address, card);
        metrics.CheckoutAccepted();
        return TypedResults.Accepted($"/api/orders/{order.Id}", order);
    }

    static async Task<Ok<PagedResult<OrderView>>> Mine(string? status, [AsParameters] PageQuery paging, Caller patient, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrdersGrain>(0).Mine(patient, new OrderQuery(OrderValidation.Status(status), paging.ToRequest())));

    static async Task<Ok<OrderView>> Get(string id, Caller caller, IGrainFactory grains) =>
        TypedResults.Ok(await Order(grains, id).View(caller));

    static async Task<Ok<OrderView>> Cancel(string id, Caller caller, IGrainFactory grains) =>
        TypedResults.Ok(await Order(grains, id).Cancel(caller));

    static async Task<Ok<PagedResult<OrderView>>> Queue(string? status, string? number, [AsParameters] PageQuery paging, Caller staff, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrdersGrain>(0).Queue(staff,
            new OrderQuery(OrderValidation.Status(status), paging.ToRequest(), OrderValidation.OrderNumber(number))));

    static async Task<Ok<OrderView>> Approve(string id, Caller pharmacist, IGrainFactory grains) =>
        TypedResults.Ok(await Order(grains, id).Approve(pharmacist));

    static async Task<Ok<OrderView>> Reject(string id, RejectRequest request, Caller pharmacist, IGrainFactory grains) =>
        TypedResults.Ok(await Order(grains, id).Reject(pharmacist, request.Reason()));

    static async Task<Ok<OrderView>> Ship(string id, ShipRequest request, Caller pharmacist, IGrainFactory grains) =>
        TypedResults.Ok(await Order(grains, id).Ship(pharmacist, request.TrackingNumber()));

    static async Task<Ok<OrderView>> Deliver(string id, Caller pharmacist, IGrainFactory grains) =>
        TypedResults.Ok(await Order(grains, id).Deliver(pharmacist));

    /// <summary>
    /// Server-sent events: every step of the order's history as a "status" event, from the first,
    /// then each new one as it happens; the stream ends when the order can change no more.
    /// </summary>
    static async Task Events(string id, Caller caller, IGrainFactory grains, HttpContext context, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var order = Order(grains, id);
        var view = await order.View(caller);
        var response = context.Response;
        response.StartEventStream();
        var sent = 0;
        var aborted = context.RequestAborted;
        var endsAt = context.StreamEndsAt();
        try
        {
            while (true)
            {
                for (; sent < view.History.Count; sent++)
                {
                    var step = view.History[sent];
                    var tracking = step.Status == OrderStatus.Shipped ? view.TrackingNumber : null;
                    var data = JsonSerializer.Serialize(new StatusEvent(view.Id, step.Status, step.At, step.Note, tracking, sent + 1), json.Value.SerializerOptions);
                    await response.WriteAsync($"event: status\ndata: {data}\n\n", aborted);
                }
                await response.Body.FlushAsync(aborted);
                if (view.Status.IsFinal() || DateTimeOffset.UtcNow >= endsAt)
                    return;
                var next = await order.WaitForChange(caller, view.Version, EventStreams.NextWait(endsAt, KeepAlive)).WaitAsync(aborted);
                if (next.Version == view.Version)
                    await response.WriteAsync(": still here\n\n", aborted);
                view = next;
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static IOrderGrain Order(IGrainFactory grains, string id) =>
        ProductIds.IsCanonical(id) ? grains.GetGrain<IOrderGrain>(id) : throw DomainException.NotFound("No such order.");
}
