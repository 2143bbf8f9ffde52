using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedPlatform.Notifications;

/// <summary>
/// How the grains where things happen tell people of them, on each silo. A notification is handed
/// on a moment later (<see cref="NotificationOptions.GatherFor"/>), with whatever else came meanwhile:
/// the request that caused it answers first instead of sharing the processor with its notification
/// (an answer's p50 +15 % when told at once, docs/benchmarks.md), and a burst's notifications and
/// mail reach the database's writer together, committed in fewer transactions.
/// <para>
/// Held in memory for that moment, as a one-way call is while it travels: a notification lost with
/// its silo is told again where it matters (an order's steps are told from its saved history).
/// A stopping silo hands on what it holds before it goes.
/// </para>
/// </summary>
public sealed partial class Notifier(IGrainFactory grains, IOptions<NotificationOptions> options, ILogger<Notifier> logger) : BackgroundService
{
    private readonly Channel<(string UserId, NewNotification Notification)> waiting =
        Channel.CreateUnbounded<(string, NewNotification)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Tells <paramref name="userId"/> of something, without waiting for it or failing for it: the change it comes from is made already.</summary>
    public Task Tell(string userId, NewNotification notification)
    {
        if (options.Value.Enabled && !waiting.Writer.TryWrite((userId, notification)))
            return Send(userId, notification); // stopping: handed on at once
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await waiting.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(options.Value.GatherFor, stoppingToken);
                await SendWaiting();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is held is sent below.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        waiting.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        await SendWaiting();
    }

    private async Task SendWaiting()
    {
        var sends = new List<Task>();
        while (waiting.Reader.TryRead(out var item))
            sends.Add(Send(item.UserId, item.Notification));
        await Task.WhenAll(sends);
    }

    private async Task Send(string userId, NewNotification notification)
    {
        try
        {
            await grains.GetGrain<INotificationsGrain>(userId).Notify(notification);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotTold(logger, e, notification.Key, userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Key} could not be sent to {UserId}")]
    private static partial void LogNotTold(ILogger logger, Exception exception, string key, string userId);
}
