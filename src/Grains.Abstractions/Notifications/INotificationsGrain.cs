using MedPlatform.Common;

namespace MedPlatform.Notifications;

/// <summary>
/// One person's notifications, keyed by user id: the centre's list, the settings per kind and
/// channel, and the mail each notification sends through the outbox.
/// </summary>
public interface INotificationsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Called by the grain where the event happened. Idempotent by the notification's key. One-way: the
    /// path it hangs off (an answer, a checkout) does not wait for it, let alone for mail.
    /// </summary>
    [Orleans.Concurrency.OneWay]
    Task Notify(NewNotification notification);

    Task<NotificationList> List(Caller caller, bool unreadOnly, PageRequest paging);

    /// <summary>404 for an id that is not one of the caller's notifications.</summary>
    Task MarkRead(Caller caller, string notificationId);

    Task MarkAllRead(Caller caller);

    /// <summary>Waits until something arrives after <paramref name="knownVersion"/> (or the wait ends). For the live bell; does not block other calls.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    [ResponseTimeout("00:00:30")]
    Task<NotificationChange> WaitForNew(Caller caller, int knownVersion, TimeSpan wait);

    Task<NotificationSettings> Settings(Caller caller);

    Task<NotificationSettings> ChangeSettings(Caller caller, NotificationSettings settings);

    /// <summary>Called by the mail dispatcher as it sends a notification mail: a token for its one-click unsubscribe link (only its hash is kept).</summary>
    Task<string> IssueUnsubscribeToken(NotificationKind kind);

    /// <summary>The unsubscribe link was followed: mail of that kind stops. 400 for a token that is not one of this account's.</summary>
    Task<NotificationKind> Unsubscribe(string secret);
}
