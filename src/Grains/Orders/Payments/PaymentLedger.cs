using System.Data.Common;
using System.Security.Cryptography;
using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Orders.Payments;

/// <summary>
/// The simulated gateway's book of charges: at most one charge per order (the order id is the
/// idempotency key), refunds, and every request it received. A refund before any charge voids the
/// order, so a charge that arrives late for it is refused. Shared by the in-process gateway and the
/// payment service of cluster mode.
/// </summary>
public sealed partial class PaymentLedger(
    [FromKeyedServices(Databases.Payments)] SqlDatabase database,
    PlatformClock clock,
    ILogger<PaymentLedger> logger)
{
    private const string CancelledFirst = "The order was cancelled before the charge went through.";

    private bool MySql => database.Dialect == SqlDialect.MySql;

    /// <summary>Charges the order once; <paramref name="decline"/> (a reason) refuses a new charge, not one already made.</summary>
    public async Task<ChargeResult> Charge(string orderId, string paymentMethod, long amountCents, string? decline)
    {
        switch (await ExistingCharge(orderId))
        {
            case ("charged", var paymentId):
                await Log(orderId, "charge", "already-charged");
                return new ChargeResult(ChargeOutcome.Charged, paymentId, null);
            case ("refunded" or "voided", _):
                await Log(orderId, "charge", "refused-after-refund");
                return new ChargeResult(ChargeOutcome.Declined, null, CancelledFirst);
        }
        if (decline is not null)
        {
            await Log(orderId, "charge", "declined");
            return new ChargeResult(ChargeOutcome.Declined, null, decline);
        }

        // Of two concurrent attempts, one inserts, and both answer with its payment. The charge and
        // its line in the request log commit together: one commit per charge.
        var newPaymentId = "ch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var inserted = 0;
        await database.InTransactionAsync(async (_, transaction) =>
        {
            inserted = await transaction.ExecuteAsync(
                $"""
                INSERT {(MySql ? "IGNORE" : "OR IGNORE")} INTO gateway_charges (order_id, payment_id, token, amount_cents, status, charged_at)
                VALUES (@order, @payment, @method, @amount, 'charged', @at);
                """,
                command => command.Bind("order", orderId).Bind("payment", newPaymentId)
                    .Bind("method", paymentMethod).Bind("amount", amountCents).Bind("at", Now()));
            await transaction.ExecuteAsync(LogSql, command => BindLog(command, orderId, "charge", inserted == 1 ? "charged" : "already-charged"));
        });
        if (inserted == 1)
        {
            LogCharged(orderId, amountCents);
            return new ChargeResult(ChargeOutcome.Charged, newPaymentId, null);
        }
        return await ExistingCharge(orderId) is ("charged", var id)
            ? new ChargeResult(ChargeOutcome.Charged, id, null)
            : new ChargeResult(ChargeOutcome.Declined, null, CancelledFirst);
    }

    /// <summary>Refunds the order's charge; with no charge, voids the order. Idempotent.</summary>
    public async Task Refund(string orderId)
    {
        var refunded = await database.ExecuteAsync(
            "UPDATE gateway_charges SET status = 'refunded', refunded_at = @at WHERE order_id = @order AND status = 'charged';",
            command => command.Bind("order", orderId).Bind("at", Now()));
        var voided = refunded == 1 ? 0 : await database.ExecuteAsync(
            $"""
            INSERT {(MySql ? "IGNORE" : "OR IGNORE")} INTO gateway_charges (order_id, payment_id, token, amount_cents, status, charged_at, refunded_at)
            VALUES (@order, @payment, '', 0, 'voided', @at, @at);
            """,
            command => command.Bind("order", orderId).Bind("payment", "void_" + orderId).Bind("at", Now()));
        await Log(orderId, "refund", refunded == 1 ? "refunded" : voided == 1 ? "voided" : "nothing-to-refund");
    }

    private async Task<(string? Status, string? PaymentId)> ExistingCharge(string orderId) =>
        (await database.QueryAsync("SELECT status, payment_id FROM gateway_charges WHERE order_id = @order;",
            command => command.Bind("order", orderId), reader => ((string?)reader.GetString(0), (string?)reader.GetString(1)))).SingleOrDefault();

    private const string LogSql = "INSERT INTO gateway_requests (order_id, operation, outcome, at) VALUES (@order, @operation, @outcome, @at);";

    private Task Log(string orderId, string operation, string outcome) =>
        database.ExecuteAsync(LogSql, command => BindLog(command, orderId, operation, outcome));

    private void BindLog(DbCommand command, string orderId, string operation, string outcome) =>
        command.Bind("order", orderId).Bind("operation", operation).Bind("outcome", outcome).Bind("at", Now());


    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated gateway charged order {OrderId}: {AmountCents} cents")]
    private partial void LogCharged(string orderId, long amountCents);
}
