using MedPlatform.Common;

namespace MedPlatform.Notifications;

/// <summary>Something that happened, for one person. <see cref="Key"/> names the event, so telling it twice tells it once.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.NewNotification")]
public sealed record NewNotification(
    [property: Id(0)] string Key,
    [property: Id(1)] NotificationKind Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] string Body,
    /// <summary>A path in the web app ("/orders/…"), never another person's identity.</summary>
    [property: Id(4)] string Link,
    /// <summary>Words for the app only, never mailed: a pharmacist's reason may be clinical.</summary>
    [property: Id(5)] string? InAppDetail = null);

[GenerateSerializer, Immutable, Alias("MedPlatform.NotificationView")]
public sealed record NotificationView(
    [property: Id(0)] string Id,
    [property: Id(1)] NotificationKind Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] string Body,
    [property: Id(4)] string Link,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] bool Read);

/// <summary>A page of notifications, newest first, and how many are unread in all.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.NotificationList")]
public sealed record NotificationList(
    [property: Id(0)] IReadOnlyList<NotificationView> Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] long TotalCount,
    [property: Id(4)] int UnreadCount);

/// <summary>What arrived since a version the caller knew, for the live bell.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.NotificationChange")]
public sealed record NotificationChange(
    [property: Id(0)] int Version,
    [property: Id(1)] IReadOnlyList<NotificationView> Arrived,
    [property: Id(2)] int UnreadCount);

/// <summary>Per channel, whether each kind is wanted. A kind left out keeps its default (on).</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.NotificationSettings")]
public sealed record NotificationSettings(
    [property: Id(0)] IReadOnlyDictionary<NotificationKind, bool> Email,
    [property: Id(1)] IReadOnlyDictionary<NotificationKind, bool> InApp);
