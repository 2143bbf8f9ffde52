namespace MedPlatform.Notifications;

[GenerateSerializer, Alias("MedPlatform.NotificationsState")]
public sealed class NotificationsState
{
    /// <summary>The centre's list, oldest first; the oldest go beyond <see cref="NotificationsGrain.Kept"/>.</summary>
    [Id(0)] public List<StoredNotification> Items { get; set; } = [];
    /// <summary>Keys of the events told recently, in the app or by mail, so telling one again tells nothing.</summary>
    [Id(1)] public List<string> ToldKeys { get; set; } = [];
    [Id(2)] public List<NotificationKind> EmailOff { get; set; } = [];
    [Id(3)] public List<NotificationKind> InAppOff { get; set; } = [];
    /// <summary>Counts what arrived, so a live client can ask for what came after the version it has.</summary>
    [Id(4)] public int Version { get; set; }
    /// <summary>One-click unsubscribe links' tokens, as hashes, with the kind each stops.</summary>
    [Id(5)] public List<UnsubscribeToken> UnsubscribeTokens { get; set; } = [];
}

[GenerateSerializer, Alias("MedPlatform.StoredNotification")]
public sealed class StoredNotification
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public NotificationKind Kind { get; set; }
    [Id(2)] public string Title { get; set; } = "";
    [Id(3)] public string Body { get; set; } = "";
    [Id(4)] public string Link { get; set; } = "";
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public bool Read { get; set; }
    /// <summary>The <see cref="NotificationsState.Version"/> it arrived at.</summary>
    [Id(7)] public int Version { get; set; }

    public NotificationView ToView() => new(Id, Kind, Title, Body, Link, CreatedAt, Read);
}

[GenerateSerializer, Alias("MedPlatform.UnsubscribeToken")]
public sealed record UnsubscribeToken([property: Id(0)] NotificationKind Kind, [property: Id(1)] string Hash, [property: Id(2)] DateTimeOffset IssuedAt);
