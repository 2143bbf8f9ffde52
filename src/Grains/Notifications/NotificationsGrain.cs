using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using MedPlatform.Mail;
using Microsoft.Extensions.Options;

namespace MedPlatform.Notifications;

public sealed class NotificationsGrain(
    [PersistentState("notifications", StorageNames.Identity)] IPersistentState<NotificationsState> state,
    MailOutbox mail,
    IOptions<AppOptions> app,
    PlatformClock clock) : Grain, INotificationsGrain
{
    /// <summary>The centre keeps this many; older ones have long been read or do not matter any more.</summary>
    public const int Kept = 200;
    private const int KeysKept = 1000;
    private const int UnsubscribeTokensKept = 50;

    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The unsubscribe token issued for each kind while this activation lives, in memory only (the
    /// state keeps its hash): the next mail of the kind carries the same one instead of costing a write.
    /// </summary>
    private readonly Dictionary<NotificationKind, string> unsubscribeTokens = [];

    private string Id => this.GetPrimaryKeyString();
    private NotificationsState Box => state.State;

    public async Task Notify(NewNotification notification)
    {
        if (Box.ToldKeys.Contains(notification.Key))
            return;
        if (!Box.EmailOff.Contains(notification.Kind) && await GrainFactory.GetGrain<IUserGrain>(Id).Find() is { } user)
        {
            // Queued first, under the notification's key: if saving below fails, telling it again queues nothing twice.
            await mail.Enqueue(NotificationMail.For(Id, user.Email, user.DisplayName, notification, app.Value.PublicUrl));
        }
        Box.ToldKeys.Add(notification.Key);
        if (Box.ToldKeys.Count > KeysKept)
            Box.ToldKeys.RemoveRange(0, Box.ToldKeys.Count - KeysKept);
        if (!Box.InAppOff.Contains(notification.Kind))
        {
            Box.Version++;
            Box.Items.Add(new StoredNotification
            {
                Id = Guid.NewGuid().ToString("N"),
                Kind = notification.Kind,
                Title = notification.Title,
                Body = notification.InAppDetail is { } detail ? $"{notification.Body} {detail}" : notification.Body,
                Link = notification.Link,
                CreatedAt = clock.GetUtcNow(),
                Version = Box.Version,
            });
            if (Box.Items.Count > Kept)
                Box.Items.RemoveRange(0, Box.Items.Count - Kept);
        }
        await this.Save(state);
        Changed();
    }

    /// <summary>Wakes the live streams (<see cref="WaitForNew"/>): something arrived, or was read in another tab.</summary>
    private void Changed()
    {
        arrived.TrySetResult();
        arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public Task<NotificationList> List(Caller caller, bool unreadOnly, PageRequest paging)
    {
        EnsureOwner(caller);
        var matching = Box.Items.Where(n => !unreadOnly || !n.Read).Reverse().ToList();
        var page = matching.Skip(paging.Offset).Take(paging.PageSize).Select(n => n.ToView()).ToList();
        return Task.FromResult(new NotificationList(page, paging.Page, paging.PageSize, matching.Count, UnreadCount));
    }

    public async Task MarkRead(Caller caller, string notificationId)
    {
        EnsureOwner(caller);
        var notification = Box.Items.Find(n => n.Id == notificationId) ?? throw DomainException.NotFound("No such notification.");
        if (notification.Read)
            return;
        notification.Read = true;
        await SaveRead();
    }

    public async Task MarkAllRead(Caller caller)
    {
        EnsureOwner(caller);
        var unread = Box.Items.Where(n => !n.Read).ToList();
        if (unread.Count == 0)
            return;
        unread.ForEach(n => n.Read = true);
        await SaveRead();
    }

    /// <summary>A read moves the version on with no new item: every open bell learns the unread count.</summary>
    private async Task SaveRead()
    {
        Box.Version++;
        await this.Save(state);
        Changed();
    }

    public async Task<NotificationChange> WaitForNew(Caller caller, int knownVersion, TimeSpan wait)
    {
        EnsureOwner(caller);
        var deadline = Task.Delay(wait);
        while (Box.Version <= knownVersion && !deadline.IsCompleted)
            await Task.WhenAny(arrived.Task, deadline);
        var since = Box.Items.Where(n => n.Version > knownVersion).Select(n => n.ToView()).ToList();
        return new NotificationChange(Box.Version, since, UnreadCount);
    }

    public Task<NotificationSettings> Settings(Caller caller)
    {
        EnsureOwner(caller);
        return Task.FromResult(CurrentSettings());
    }

    public async Task<NotificationSettings> ChangeSettings(Caller caller, NotificationSettings settings)
    {
        EnsureOwner(caller);
        Apply(Box.EmailOff, settings.Email);
        Apply(Box.InAppOff, settings.InApp);
        await this.Save(state);
        return CurrentSettings();
    }

    public async Task<string> IssueUnsubscribeToken(NotificationKind kind)
    {
        if (unsubscribeTokens.TryGetValue(kind, out var issued))
            return issued;
        var secret = RefreshTokens.NewSecret();
        Box.UnsubscribeTokens.Add(new UnsubscribeToken(kind, RefreshTokens.HashOf(secret), clock.GetUtcNow()));
        if (Box.UnsubscribeTokens.Count > UnsubscribeTokensKept)
            Box.UnsubscribeTokens.RemoveRange(0, Box.UnsubscribeTokens.Count - UnsubscribeTokensKept);
        await this.Save(state);
        return unsubscribeTokens[kind] = MailLinkTokens.Format(Id, secret);
    }

    public async Task<NotificationKind> Unsubscribe(string secret)
    {
        // Not spent on use: a mail program may follow the link twice, and the reader may click it again.
        var token = Box.UnsubscribeTokens.Find(t => RefreshTokens.Matches(secret, t.Hash))
            ?? throw DomainException.Invalid("token", "This unsubscribe link is not valid any more. Sign in and change which mail you get under Account → Notifications.");
        if (!Box.EmailOff.Contains(token.Kind))
        {
            Box.EmailOff.Add(token.Kind);
            await this.Save(state);
        }
        return token.Kind;
    }

    private int UnreadCount => Box.Items.Count(n => !n.Read);

    private NotificationSettings CurrentSettings() => new(
        Enum.GetValues<NotificationKind>().ToDictionary(kind => kind, kind => !Box.EmailOff.Contains(kind)),
        Enum.GetValues<NotificationKind>().ToDictionary(kind => kind, kind => !Box.InAppOff.Contains(kind)));

    private static void Apply(List<NotificationKind> off, IReadOnlyDictionary<NotificationKind, bool> wanted)
    {
        foreach (var (kind, on) in wanted)
        {
            off.Remove(kind);
            if (!on)
                off.Add(kind);
        }
    }

    private void EnsureOwner(Caller caller)
    {
        if (caller.UserId != Id)
            throw DomainException.NotFound("No such notification.");
    }
}
