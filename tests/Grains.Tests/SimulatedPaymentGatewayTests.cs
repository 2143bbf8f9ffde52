using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Orders;
using MedPlatform.Orders.Payments;
using MedPlatform.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MedPlatform.Grains.Tests;

/// <summary>The simulated card gateway keeps the contract: Luhn, the declining card, idempotent charges and refunds.</summary>
public sealed class SimulatedPaymentGatewayTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("medplatform-gateway-").FullName;
    private SqlDatabase database = null!;
    private SimulatedPaymentGateway gateway = null!;

    public async Task InitializeAsync()
    {
        var clock = new PlatformClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)));
        database = SqlDatabase.SqliteFile(Databases.Orders, Path.Combine(directory, "orders.db"));
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance, clock).MigrateAsync(database);
        gateway = new SimulatedPaymentGateway(database, new PaymentLedger(database, clock, NullLogger<PaymentLedger>.Instance), clock, Options.Create(new PaymentOptions()));
    }

    [Theory]
    [InlineData("4242 4242 4242 4241", "cardNumber")]
    [InlineData("1234", "cardNumber")]
    public async Task A_card_failing_the_luhn_check_is_refused(string number, string field)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => gateway.Tokenize(new CardDetails(number, 12, 2030, "123")));

        Assert.Contains(field, refusal.Errors!.Keys);
    }

    [Fact]
    public async Task An_expired_card_and_a_bad_security_code_are_refused()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => gateway.Tokenize(new CardDetails("4242424242424242", 10, 2026, "12")));

        Assert.Contains("expiry", refusal.Errors!.Keys);
        Assert.Contains("cvc", refusal.Errors.Keys);
    }

    [Fact]
    public async Task The_declining_card_is_saved_but_every_charge_is_declined()
    {
        var token = await gateway.Tokenize(new CardDetails("4000 0000 0000 0002", 12, 2030, "123"));

        var result = await gateway.Charge("order-declined", token.Token, 500);

        Assert.Equal("0002", token.Last4);
        Assert.Equal(ChargeOutcome.Declined, result.Outcome);
        Assert.Equal(0, await Count("gateway_charges", "order-declined"));
    }

    [Fact]
    public async Task Charging_one_order_many_times_at_once_charges_once()
    {
        var token = await gateway.Tokenize(new CardDetails("4242424242424242", 12, 2030, "123"));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => gateway.Charge("order-once", token.Token, 500)));

        Assert.All(results, r => Assert.Equal(ChargeOutcome.Charged, r.Outcome));
        Assert.Single(results.Select(r => r.PaymentId).Distinct());
        Assert.Equal(1, await database.CountAsync(
            "SELECT COUNT(*) FROM gateway_requests WHERE order_id = 'order-once' AND outcome = 'charged';"));
    }

    [Fact]
    public async Task A_refund_before_any_charge_voids_the_order_so_a_late_charge_is_refused()
    {
        var token = await gateway.Tokenize(new CardDetails("4242424242424242", 12, 2030, "123"));

        await gateway.Refund("order-voided");
        var late = await gateway.Charge("order-voided", token.Token, 500);

        Assert.Equal(ChargeOutcome.Declined, late.Outcome);
    }

    [Fact]
    public async Task A_refunded_order_is_not_charged_again_and_refunds_once()
    {
        var token = await gateway.Tokenize(new CardDetails("4242424242424242", 12, 2030, "123"));
        await gateway.Charge("order-refunded", token.Token, 500);

        await gateway.Refund("order-refunded");
        await gateway.Refund("order-refunded");
        var again = await gateway.Charge("order-refunded", token.Token, 500);

        Assert.Equal(ChargeOutcome.Declined, again.Outcome);
        Assert.Equal(1, await database.CountAsync(
            "SELECT COUNT(*) FROM gateway_requests WHERE order_id = 'order-refunded' AND outcome = 'refunded';"));
    }

    private Task<long> Count(string table, string orderId) =>
        database.CountAsync($"SELECT COUNT(*) FROM {table} WHERE order_id = @id;", c => c.Bind("id", orderId));

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
