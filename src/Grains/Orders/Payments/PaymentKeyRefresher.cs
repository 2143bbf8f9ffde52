using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Orders.Payments;

/// <summary>
/// Keeps the silo's copy of the payment service's public key current, in the background, so a
/// key the service replaced (after losing its data) reaches every silo within
/// <see cref="PaymentServiceOptions.KeyRefreshPeriod"/> instead of at its first refused charge.
/// </summary>
public sealed partial class PaymentKeyRefresher(PaymentServiceGateway gateway, PaymentServiceOptions options, ILogger<PaymentKeyRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.KeyRefreshPeriod);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await gateway.RefreshPublicKey();
            }
            catch (PaymentGatewayUnavailableException e)
            {
                // The kept key goes on serving; the next tick tries again.
                LogNotRefreshed(e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Payment service key not refreshed: {Reason}")]
    private partial void LogNotRefreshed(string reason);
}
