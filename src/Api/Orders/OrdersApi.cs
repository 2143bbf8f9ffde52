using System.Text.Json;
using MedPlatform.Api.Auth;
using MedPlatform.Api.Common;
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
        orders.MapPost("", Checkout).RequireAuthorization(Policies.Patient).RequireRateLimiting(Operations.RateLimits.Checkout)
            .WithMetadata(new Errors.RepeatableWithIdempotencyKey())
            .WithSummary("Check out the cart (send an Idempotency-Key); processing continues after the 202");
        orders.MapGet("", Mine).RequireAuthorization(Policies.Patient).WithSummary("Your orders, newest first");
        orders.MapGet("/{id}", Get).RequireAuthorization(Policies.SignedIn).WithSummary("An order with its history (its patient, pharmacists, admins)");
        orders.MapGet("/{id}/events", Events).RequireAuthorization(Policies.Patient).WithSummary("Server-sent events: one 'status' event per change");
        orders.MapPost("/{id}/cancel", Cancel).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Cancel before shipping (its patient, pharmacists, admins); refunded if already paid");

        var pharmacy = app.MapGroup("/api/pharmacy/orders").WithTags("Pharmacy");
        pharmacy.MapGet("", Queue).RequireAuthorization(Policies.Staff).WithSummary("Orders by status, oldest first");
        pharmacy.MapPost("/{id}/approve", Approve).RequireAuthorization(Policies.Pharmacist).WithSummary("Prescription review passed");
        pharmacy.MapPost("/{id}/reject", Reject).RequireAuthorization(Policies.Pharmacist).WithSummary("Refuse: refund, stock and prescriptions restored");
        pharmacy.MapPost("/{id}/ship", Ship).RequireAuthorization(Policies.Pharmacist).WithSummary("Hand over to the carrier with a tracking number");
        pharmacy.MapPost("/{id}/deliver", Deliver).RequireAuthorization(Policies.Pharmacist).WithSummary("Delivered to the patient");
        return app;
    }

    static async Task<Accepted<OrderResponse>> Checkout(CheckoutRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        IGrainFactory grains, HttpContext context, TimeProvider clock, MedPlatform.Hosting.PlatformMetrics metrics)
    {
        var patient = context.ToCaller();
        var key = OrderValidation.IdempotencyKey(idempotencyKey);
        var (address, card) = request.ToCheckout(clock);
        var order = await grains.GetGrain<ICheckoutGrain>(MedPlatform.Orders.CheckoutGrain.KeyFor(patient.UserId, key)).Checkout(patient, address, card);
        metrics.CheckoutAccepted();
        return TypedResults.Accepted($"/api/orders/{order.Id}", OrderResponse.From(order));
    }

    static async Task<Ok<Paged<OrderResponse>>> Mine(int? page, int? pageSize, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(Paged<OrderResponse>.From(await grains.GetGrain<IOrdersGrain>(0).Mine(context.ToCaller(), Paging.From(page, pageSize)), OrderResponse.From));

    static async Task<Ok<OrderResponse>> Get(string id, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(OrderResponse.From(await Order(grains, id).View(context.ToCaller())));

    static async Task<Ok<OrderResponse>> Cancel(string id, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(OrderResponse.From(await Order(grains, id).Cancel(context.ToCaller())));

    static async Task<Ok<Paged<OrderResponse>>> Queue(string? status, int? page, int? pageSize, IGrainFactory grains, HttpContext context)
    {
        OrderStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            wanted = Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
                ? parsed
                : throw DomainException.Invalid("status", "Use one of: " + string.Join(", ", Enum.GetNames<OrderStatus>().Select(JsonNamingPolicy.CamelCase.ConvertName)) + ".");
        }
        var orders = await grains.GetGrain<IOrdersGrain>(0).Queue(context.ToCaller(), new OrderQuery(wanted, Paging.From(page, pageSize)));
        return TypedResults.Ok(Paged<OrderResponse>.From(orders, OrderResponse.From));
    }

    static async Task<Ok<OrderResponse>> Approve(string id, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(OrderResponse.From(await Order(grains, id).Approve(context.ToCaller())));

    static async Task<Ok<OrderResponse>> Reject(string id, RejectRequest request, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(OrderResponse.From(await Order(grains, id).Reject(context.ToCaller(), request.Reason())));

    static async Task<Ok<OrderResponse>> Ship(string id, ShipRequest request, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(OrderResponse.From(await Order(grains, id).Ship(context.ToCaller(), request.TrackingNumber())));

    static async Task<Ok<OrderResponse>> Deliver(string id, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(OrderResponse.From(await Order(grains, id).Deliver(context.ToCaller())));

    /// <summary>
    /// Server-sent events: every step of the order's history as a "status" event, from the first,
    /// then each new one as it happens; the stream ends when the order can change no more.
    /// </summary>
    static async Task Events(string id, IGrainFactory grains, HttpContext context, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var caller = context.ToCaller();
        var order = Order(grains, id);
        var view = await order.View(caller);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var sent = 0;
        var aborted = context.RequestAborted;
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
                if (IsFinal(view.Status))
                    return;
                var next = await order.WaitForChange(caller, view.Version, KeepAlive).WaitAsync(aborted);
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

    private static bool IsFinal(OrderStatus status) =>
        status is OrderStatus.Delivered or OrderStatus.Cancelled or OrderStatus.Refunded or OrderStatus.PaymentFailed;

    private static IOrderGrain Order(IGrainFactory grains, string id) =>
        ProductIds.IsCanonical(id) ? grains.GetGrain<IOrderGrain>(id) : throw DomainException.NotFound("No such order.");
}
