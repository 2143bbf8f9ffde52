using MedPlatform.Orders;

namespace MedPlatform.Orders.Payments;

/// <summary>A card exchanged for a token the gateway keeps; we keep only the token and the last four digits.</summary>
public sealed record CardToken(string Token, string Last4, string Brand);

public enum ChargeOutcome
{
    Charged,
    Declined,
}

public sealed record ChargeResult(ChargeOutcome Outcome, string? PaymentId, string? DeclineReason);

/// <summary>The gateway could not be reached or did not answer: nothing is known to have happened; try again later.</summary>
public sealed class PaymentGatewayUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A card payment gateway. Charges and refunds are idempotent by order id: a retried charge never
/// charges twice, a retried refund never refunds twice.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Checks the card and saves it at the gateway. 400 with per-field errors for a card that cannot be used.</summary>
    Task<CardToken> Tokenize(CardDetails card);

    Task<ChargeResult> Charge(string orderId, string token, long amountCents);

    /// <summary>Refunds the order's charge, if there is one. Nothing charged, nothing refunded.</summary>
    Task Refund(string orderId);
}
