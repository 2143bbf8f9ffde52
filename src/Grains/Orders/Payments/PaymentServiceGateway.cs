using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MedPlatform.Orders.Payments;

/// <summary>"Payments" section, cluster mode: where the payment service is and how to call it.</summary>
public sealed class PaymentServiceOptions
{
    /// <summary>The payment service's base address; set → orders are paid through it instead of the in-process gateway.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The shared secret the payment service expects in <c>X-Api-Key</c>.</summary>
    public string? ApiKey { get; set; }

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxRetries { get; set; } = 3;
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a silo re-reads the service's public key, so a replaced key reaches every silo.</summary>
    public TimeSpan KeyRefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The payment service over HTTP (cluster mode), behind the "payments" resilience pipeline
/// (see <see cref="PaymentGatewayRegistration"/>). Cards are checked and sealed here with the
/// service's public key, so checkout works while the service is down; charges and refunds are
/// idempotent by order id, so the pipeline may retry them. A service that cannot be reached is a
/// <see cref="PaymentGatewayUnavailableException"/>: the order waits and tries again.
/// </summary>
public sealed partial class PaymentServiceGateway(
    IHttpClientFactory clients,
    [FromKeyedServices(Databases.Orders)] SqlDatabase orders,
    PaymentServiceOptions options,
    PlatformClock clock,
    ILogger<PaymentServiceGateway> logger) : IPaymentGateway
{
    public const string ClientName = "payments";

    private readonly SemaphoreSlim keyLock = new(1, 1);
    private volatile RSA? publicKey;

    public async Task<CardToken> Tokenize(CardDetails card)
    {
        var errors = CardRules.Validate(card, clock.GetUtcNow());
        if (errors.Count > 0)
            throw DomainException.Invalid(errors);
        var digits = CardRules.Digits(card.Number);
        return new CardToken(SealedCard.Seal(card, await PublicKey()), digits[^4..], CardRules.Brand(digits));
    }

    public async Task<ChargeResult> Charge(string orderId, string token, long amountCents)
    {
        ChargeAnswer answer;
        try
        {
            answer = await Call<ChargeAnswer>("charges", new ChargeRequest(orderId, token, amountCents));
        }
        catch (RequestRefusedException refused)
        {
            // A card sealed with a key the service no longer holds can never be charged: decline it
            // now rather than retry until the order gives up, and fetch the current key next time.
            publicKey = null;
            LogRefused(orderId, refused.Message);
            return new ChargeResult(ChargeOutcome.Declined, null, "The payment service could not read the card. Nothing was charged; please check out again.");
        }
        return answer.Outcome == "charged"
            ? new ChargeResult(ChargeOutcome.Charged, answer.PaymentId, null)
            : new ChargeResult(ChargeOutcome.Declined, null, answer.DeclineReason ?? "The card was declined.");
    }

    public Task Refund(string orderId) => Call<RefundAnswer>("refunds", new RefundRequest(orderId));

    /// <summary>
    /// The service's key (it keeps it for good): fetched once, and kept in the orders database so
    /// a silo that starts while the service is down can still take orders.
    /// </summary>
    /// <summary>
    /// Re-reads the service's key (see <see cref="PaymentKeyRefresher"/>): a service that lost its
    /// key makes a new one, and cards sealed with the old one could never be charged.
    /// </summary>
    public async Task RefreshPublicKey()
    {
        if (publicKey is null)
            return;
        var key = RSA.Create();
        key.ImportFromPem(await FetchPublicKey());
        publicKey = key;
    }

    private async Task<RSA> PublicKey()
    {
        if (publicKey is { } known)
            return known;
        await keyLock.WaitAsync();
        try
        {
            if (publicKey is null)
            {
                var key = RSA.Create();
                key.ImportFromPem(await FetchPublicKey());
                publicKey = key;
            }
            return publicKey;
        }
        finally
        {
            keyLock.Release();
        }
    }

    private async Task<string> FetchPublicKey()
    {
        var service = options.ServiceUrl!.ToString();
        try
        {
            var pem = await Send(client => client.GetAsync("public-key"), response => response.Content.ReadAsStringAsync());
            await orders.ExecuteAsync(
                "REPLACE INTO payment_service_keys (service, public_key_pem, fetched_at) VALUES (@service, @pem, @at);",
                command => command.Bind("service", service).Bind("pem", pem).Bind("at", clock.GetUtcNow().ToUnixTimeMilliseconds()));
            return pem;
        }
        catch (PaymentGatewayUnavailableException)
        {
            var kept = await orders.QueryAsync("SELECT public_key_pem FROM payment_service_keys WHERE service = @service;",
                command => command.Bind("service", service), reader => reader.GetString(0));
            return kept.SingleOrDefault() ?? throw new PaymentGatewayUnavailableException("The payment service's key is not known yet.");
        }
    }

    private Task<T> Call<T>(string path, object body) =>
        Send(client => client.PostAsJsonAsync(path, body), async response => (await response.Content.ReadFromJsonAsync<T>())!);

    private async Task<T> Send<T>(Func<HttpClient, Task<HttpResponseMessage>> request, Func<HttpResponseMessage, Task<T>> read)
    {
        try
        {
            using var response = await request(clients.CreateClient(ClientName));
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new InvalidOperationException("The payment service refused the API key (Payments:ApiKey).");
            if (response.StatusCode == HttpStatusCode.BadRequest)
                throw new RequestRefusedException(await response.Content.ReadAsStringAsync());
            if (!response.IsSuccessStatusCode)
                throw new PaymentGatewayUnavailableException($"The payment service answered {(int)response.StatusCode}.");
            return await read(response);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException)
        {
            LogUnavailable(e.GetType().Name, e.Message);
            throw new PaymentGatewayUnavailableException("The payment service cannot be reached.", e);
        }
    }

    private sealed record ChargeRequest(string OrderId, string PaymentMethod, long AmountCents);

    private sealed record ChargeAnswer(string Outcome, string? PaymentId, string? DeclineReason);

    private sealed record RefundRequest(string OrderId);

    private sealed record RefundAnswer(string OrderId, string Outcome);

    /// <summary>The service answered 400: this request can never succeed as sent.</summary>
    private sealed class RequestRefusedException(string detail) : Exception(detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The payment service refused the charge of order {OrderId}: {Detail}")]
    private partial void LogRefused(string orderId, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment service unavailable ({Exception}): {Reason}")]
    private partial void LogUnavailable(string exception, string reason);
}
