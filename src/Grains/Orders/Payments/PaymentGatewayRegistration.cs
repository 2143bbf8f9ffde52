using System.Net;
using MedPlatform.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MedPlatform.Orders.Payments;

public static class PaymentGatewayRegistration
{
    /// <summary>
    /// The payment service over HTTP when <c>Payments:ServiceUrl</c> is set (cluster mode), else the
    /// in-process simulated gateway.
    /// </summary>
    public static IServiceCollection AddPaymentGateway(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(PaymentOptions.Section).Get<PaymentServiceOptions>() ?? new PaymentServiceOptions();
        if (settings.ServiceUrl is null)
        {
            services.TryAddSingleton<IPaymentGateway, SimulatedPaymentGateway>();
            return services;
        }
        if (string.IsNullOrWhiteSpace(settings.ApiKey) || Placeholders.IsPlaceholder(settings.ApiKey))
            throw new InvalidOperationException("Payments:ApiKey must be set (the payment service's shared secret) when Payments:ServiceUrl is.");

        services.AddHttpClient(PaymentServiceGateway.ClientName, client =>
            {
                client.BaseAddress = new Uri(settings.ServiceUrl.ToString().TrimEnd('/') + "/");
                client.DefaultRequestHeaders.Add("X-Api-Key", settings.ApiKey);
                // The pipeline's timeouts decide; HttpClient's own would cut across them.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler("payments", (pipeline, context) =>
            {
                var metrics = context.ServiceProvider.GetRequiredService<PlatformMetrics>();
                pipeline
                    .AddTimeout(settings.TotalTimeout)
                    // Every call is idempotent (charges and refunds by order id), so every one may be retried.
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(200),
                        // An open circuit answers at once: retrying it would only wait.
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                        {
                            { Exception: BrokenCircuitException } => false,
                            { Exception: HttpRequestException or TimeoutRejectedException } => true,
                            { Result: { } response } => IsTransient(response.StatusCode),
                            _ => false,
                        }),
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = 0.5,
                        MinimumThroughput = 5,
                        SamplingDuration = TimeSpan.FromSeconds(10),
                        BreakDuration = settings.BreakDuration,
                        OnOpened = _ =>
                        {
                            metrics.PaymentCircuitOpened();
                            return ValueTask.CompletedTask;
                        },
                        OnClosed = _ =>
                        {
                            metrics.PaymentCircuitClosed();
                            return ValueTask.CompletedTask;
                        },
                    })
                    .AddTimeout(settings.AttemptTimeout);
            });
        services.AddSingleton(settings);
        services.AddSingleton<PaymentServiceGateway>();
        services.AddSingleton<IPaymentGateway>(provider => provider.GetRequiredService<PaymentServiceGateway>());
        services.AddHostedService<PaymentKeyRefresher>();
        return services;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
