using System.Diagnostics.Metrics;

namespace MedPlatform.Hosting;

/// <summary>
/// The platform's business metrics (meter <c>MedPlatform</c>), next to what ASP.NET Core, the HTTP
/// clients, Orleans and Polly report about themselves.
/// </summary>
public sealed class PlatformMetrics
{
    public const string MeterName = "MedPlatform";

    private readonly Counter<long> checkouts;
    private readonly Counter<long> ordersPlaced;
    private readonly Counter<long> ordersPaid;
    private readonly Counter<long> ordersFailed;
    private readonly Counter<long> loginFailures;
    private readonly Counter<long> paymentCircuitOpenings;
    private int paymentCircuitOpen;

    public PlatformMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        checkouts = meter.CreateCounter<long>("medplatform.checkouts", "{checkout}", "Checkouts accepted (orders placed through the Api)");
        ordersPlaced = meter.CreateCounter<long>("medplatform.orders.placed", "{order}", "Orders placed");
        ordersPaid = meter.CreateCounter<long>("medplatform.orders.paid", "{order}", "Orders whose payment went through");
        ordersFailed = meter.CreateCounter<long>("medplatform.orders.failed", "{order}", "Orders that ended without being paid for or were refunded, by final status");
        loginFailures = meter.CreateCounter<long>("medplatform.logins.failed", "{attempt}", "Sign-ins refused for a wrong email or password");
        paymentCircuitOpenings = meter.CreateCounter<long>("medplatform.payments.circuit.opened", "{opening}", "Times the payment service's circuit breaker opened");
        meter.CreateObservableGauge("medplatform.payments.circuit.open", () => Volatile.Read(ref paymentCircuitOpen), "{state}",
            "1 while calls to the payment service are cut off by the circuit breaker");
    }

    public void CheckoutAccepted() => checkouts.Add(1);

    public void OrderPlaced() => ordersPlaced.Add(1);

    public void OrderPaid() => ordersPaid.Add(1);

    public void OrderFailed(string status) => ordersFailed.Add(1, new KeyValuePair<string, object?>("status", status));

    public void LoginFailed() => loginFailures.Add(1);

    public void PaymentCircuitOpened()
    {
        Volatile.Write(ref paymentCircuitOpen, 1);
        paymentCircuitOpenings.Add(1);
    }

    public void PaymentCircuitClosed() => Volatile.Write(ref paymentCircuitOpen, 0);
}
