using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Identity;

/// <summary>
/// Reset requests that passed the throttles, looked up after the answer has gone: whether an address
/// has an account (and whether its grains are warm) must not show in how long forgot-password takes.
/// Held in memory: a silo that dies in the instant between the answer and the lookup loses the request,
/// and the person asks again, as they would for a mail that is slow to come.
/// </summary>
public sealed partial class PasswordResetRequests(IGrainFactory grains, ILogger<PasswordResetRequests> logger) : BackgroundService
{
    // Far more than the throttles let through in the time a lookup takes; beyond it requests are refused, not queued without end.
    private readonly Channel<string> pending = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Queues a lookup of the normalized address; returns at once.</summary>
    public void Submit(string emailKey) => pending.Writer.TryWrite(emailKey);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var emailKey in pending.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await grains.GetGrain<IEmailIndexGrain>(emailKey).SendResetLink();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLookupFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A password reset request could not be looked up; the person can ask again")]
    private partial void LogLookupFailed(Exception exception);
}
