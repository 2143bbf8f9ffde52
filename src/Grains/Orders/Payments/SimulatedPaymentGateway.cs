using System.Security.Cryptography;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedPlatform.Orders.Payments;

/// <summary>"Payments" section for the simulated gateway.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>How long a simulated charge or refund takes, as a real gateway's network round trip would.</summary>
    public TimeSpan SimulatedLatency { get; set; } = TimeSpan.Zero;
}

/// <summary>
/// The simulated card gateway: any Luhn-valid card is accepted except 4000 0000 0000 0002, which is
/// always declined. Its ledger (saved cards as tokens, charges keyed by order id, every request)
/// lives in tables of its own; a saved card keeps the last four digits and nothing more.
/// </summary>
public sealed partial class SimulatedPaymentGateway(
    [FromKeyedServices(Databases.Orders)] SqlDatabase database,
    PlatformClock clock,
    IOptions<PaymentOptions> options,
    ILogger<SimulatedPaymentGateway> logger) : IPaymentGateway
{
    private bool MySql => database.Dialect == SqlDialect.MySql;

    public async Task<CardToken> Tokenize(CardDetails card)
    {
        var errors = CardRules.Validate(card, clock.GetUtcNow());
        if (errors.Count > 0)
            throw DomainException.Invalid(errors);
        var digits = CardRules.Digits(card.Number);
        var token = new CardToken("pm_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), digits[^4..], CardRules.Brand(digits));
        await database.ExecuteAsync(
            """
            INSERT INTO gateway_payment_methods (token, last4, brand, declines, created_at)
            VALUES (@token, @last4, @brand, @declines, @at);
            """,
            command => command.Bind("token", token.Token).Bind("last4", token.Last4).Bind("brand", token.Brand)
                .Bind("declines", digits == CardRules.DecliningCard ? 1 : 0).Bind("at", Now()));
        return token;
    }

    public async Task<ChargeResult> Charge(string orderId, string token, long amountCents)
    {
        await HalfTrip();
        var result = await ChargeOnce(orderId, token, amountCents);
        // The answer's way back: a crash now leaves a charge the order has not recorded.
        await HalfTrip();
        return result;
    }

    private async Task<ChargeResult> ChargeOnce(string orderId, string token, long amountCents)
    {
        switch (await ExistingCharge(orderId))
        {
            case ("charged", var paymentId):
                await Log(orderId, "charge", "already-charged");
                return new ChargeResult(ChargeOutcome.Charged, paymentId, null);
            case ("refunded" or "voided", _):
                await Log(orderId, "charge", "refused-after-refund");
                return new ChargeResult(ChargeOutcome.Declined, null, "The order was cancelled before the charge went through.");
        }
        var declines = await database.QueryAsync("SELECT declines FROM gateway_payment_methods WHERE token = @token;",
            command => command.Bind("token", token), reader => reader.GetInt64(0) != 0);
        if (declines.Count == 0 || declines[0])
        {
            await Log(orderId, "charge", "declined");
            return new ChargeResult(ChargeOutcome.Declined, null, declines.Count == 0 ? "The card is not known to the gateway." : "The card was declined.");
        }

        // The order id is the key: of two concurrent attempts, one inserts, and both answer with its payment.
        var inserted = await database.ExecuteAsync(
            $"""
            INSERT {(MySql ? "IGNORE" : "OR IGNORE")} INTO gateway_charges (order_id, payment_id, token, amount_cents, status, charged_at)
            VALUES (@order, @payment, @token, @amount, 'charged', @at);
            """,
            command => command.Bind("order", orderId).Bind("payment", "ch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)))
                .Bind("token", token).Bind("amount", amountCents).Bind("at", Now()));
        await Log(orderId, "charge", inserted == 1 ? "charged" : "already-charged");
        if (inserted == 1)
            LogCharged(orderId, amountCents);
        return await ExistingCharge(orderId) is ("charged", var id)
            ? new ChargeResult(ChargeOutcome.Charged, id, null)
            : new ChargeResult(ChargeOutcome.Declined, null, "The order was cancelled before the charge went through.");
    }

    public async Task Refund(string orderId)
    {
        await HalfTrip();
        var refunded = await database.ExecuteAsync(
            "UPDATE gateway_charges SET status = 'refunded', refunded_at = @at WHERE order_id = @order AND status = 'charged';",
            command => command.Bind("order", orderId).Bind("at", Now()));
        // Nothing charged: void the order, so a charge that arrives late for it is refused.
        var voided = refunded == 1 ? 0 : await database.ExecuteAsync(
            $"""
            INSERT {(MySql ? "IGNORE" : "OR IGNORE")} INTO gateway_charges (order_id, payment_id, token, amount_cents, status, charged_at, refunded_at)
            VALUES (@order, @payment, '', 0, 'voided', @at, @at);
            """,
            command => command.Bind("order", orderId).Bind("payment", "void_" + orderId).Bind("at", Now()));
        await Log(orderId, "refund", refunded == 1 ? "refunded" : voided == 1 ? "voided" : "nothing-to-refund");
        await HalfTrip();
    }

    private async Task<(string? Status, string? PaymentId)> ExistingCharge(string orderId) =>
        (await database.QueryAsync("SELECT status, payment_id FROM gateway_charges WHERE order_id = @order;",
            command => command.Bind("order", orderId), reader => ((string?)reader.GetString(0), (string?)reader.GetString(1)))).SingleOrDefault();

    private Task Log(string orderId, string operation, string outcome) =>
        database.ExecuteAsync("INSERT INTO gateway_requests (order_id, operation, outcome, at) VALUES (@order, @operation, @outcome, @at);",
            command => command.Bind("order", orderId).Bind("operation", operation).Bind("outcome", outcome).Bind("at", Now()));

    /// <summary>Half the simulated round trip: the request's way there, or the answer's way back.</summary>
    private Task HalfTrip() => options.Value.SimulatedLatency > TimeSpan.Zero ? Task.Delay(options.Value.SimulatedLatency / 2) : Task.CompletedTask;

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated gateway charged order {OrderId}: {AmountCents} cents")]
    private partial void LogCharged(string orderId, long amountCents);
}
