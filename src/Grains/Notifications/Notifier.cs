using Microsoft.Extensions.Logging;

namespace MedPlatform.Notifications;

public static partial class Telling
{
    /// <summary>
    /// Tells <paramref name="userId"/> of something without waiting for it or failing for it: the change
    /// it comes from is made already, and a notification that cannot be sent must not undo or stall it.
    /// </summary>
    public static async Task Tell(this IGrainFactory grains, string userId, NewNotification notification, ILogger logger)
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
