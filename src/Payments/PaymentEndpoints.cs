using MedPlatform.Hosting;
using MedPlatform.Orders.Payments;

namespace MedPlatform.Payments;

/// <summary>
/// The simulated card gateway as a service: the same rules as the in-process one (Luhn-valid
/// cards pass, 4000 0000 0000 0002 is declined, charges and refunds idempotent by order id).
/// </summary>
public static class PaymentEndpoints
{
    public static WebApplication MapPaymentEndpoints(this WebApplication app)
    {
        app.MapGet("/public-key", (ServiceKey key) => Results.Text(key.PublicPem, "application/x-pem-file"));
        app.MapPost("/charges", Charge);
        app.MapPost("/refunds", Refund);
        return app;
    }

    public sealed record ChargeRequest(string? OrderId, string? PaymentMethod, long? AmountCents);

    public sealed record RefundRequest(string? OrderId);

    private static async Task<IResult> Charge(ChargeRequest request, ServiceKey key, PaymentLedger ledger, PlatformClock clock, PaymentServiceSettings settings)
    {
        if (!IsOrderId(request.OrderId) || request.AmountCents is not (> 0 and <= 100_000_000) || string.IsNullOrEmpty(request.PaymentMethod))
            return Results.Problem(statusCode: 400, detail: "Send orderId, paymentMethod and a positive amountCents.");
        if (SealedCard.Open(request.PaymentMethod, key.Key) is not { } card)
            return Results.Problem(statusCode: 400, detail: "The payment method was not sealed with this service's key.");

        await Trip(settings);
        var digits = CardRules.Digits(card.Number);
        // The ledger keeps which card it was, never the card.
        var reference = $"{CardRules.Brand(digits)} ending {digits[^4..]}";
        var decline = digits == CardRules.DecliningCard ? "The card was declined."
            : CardRules.Validate(card, clock.GetUtcNow()).Count > 0 ? "The card has expired or is not valid."
            : null;
        var result = await ledger.Charge(request.OrderId!, reference, request.AmountCents.Value, decline);
        await Trip(settings);
        return Results.Ok(new
        {
            outcome = result.Outcome == ChargeOutcome.Charged ? "charged" : "declined",
            paymentId = result.PaymentId,
            declineReason = result.DeclineReason,
        });
    }

    private static async Task<IResult> Refund(RefundRequest request, PaymentLedger ledger, PaymentServiceSettings settings)
    {
        if (!IsOrderId(request.OrderId))
            return Results.Problem(statusCode: 400, detail: "Send the orderId to refund.");
        await Trip(settings);
        await ledger.Refund(request.OrderId!);
        await Trip(settings);
        return Results.Ok(new { orderId = request.OrderId, outcome = "refunded" });
    }

    private static bool IsOrderId(string? id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    /// <summary>Half the simulated round trip.</summary>
    private static Task Trip(PaymentServiceSettings settings) =>
        settings.SimulatedLatency > TimeSpan.Zero ? Task.Delay(settings.SimulatedLatency / 2) : Task.CompletedTask;
}
