using System.Security.Cryptography;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;
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
/// The simulated card gateway inside the silo (embedded mode): any Luhn-valid card is accepted
/// except 4000 0000 0000 0002, which is always declined. A saved card is a token with the last four
/// digits and nothing more; charges and refunds go to the <see cref="PaymentLedger"/>.
/// </summary>
public sealed class SimulatedPaymentGateway(
    [FromKeyedServices(Databases.Payments)] SqlDatabase database,
    PaymentLedger ledger,
    PlatformClock clock,
    IOptions<PaymentOptions> options) : IPaymentGateway
{
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
                .Bind("declines", digits == CardRules.DecliningCard ? 1 : 0).Bind("at", clock.GetUtcNow().ToUnixTimeMilliseconds()));
        return token;
    }

    public async Task<ChargeResult> Charge(string orderId, string token, long amountCents)
    {
        await HalfTrip();
        var declines = await database.QueryAsync("SELECT declines FROM gateway_payment_methods WHERE token = @token;",
            command => command.Bind("token", token), reader => reader.GetInt64(0) != 0);
        var decline = declines.Count == 0 ? "The card is not known to the gateway." : declines[0] ? "The card was declined." : null;
        var result = await ledger.Charge(orderId, token, amountCents, decline);
        // The answer's way back: a crash now leaves a charge the order has not recorded.
        await HalfTrip();
        return result;
    }

    public async Task Refund(string orderId)
    {
        await HalfTrip();
        await ledger.Refund(orderId);
        await HalfTrip();
    }

    /// <summary>Half the simulated round trip: the request's way there, or the answer's way back.</summary>
    private Task HalfTrip() => options.Value.SimulatedLatency > TimeSpan.Zero ? Task.Delay(options.Value.SimulatedLatency / 2) : Task.CompletedTask;
}
