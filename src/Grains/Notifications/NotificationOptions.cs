namespace MedPlatform.Notifications;

/// <summary>"Notifications" section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often pharmacists are told of orders that came to wait for review since the last time.</summary>
    public TimeSpan ReviewDigestEvery { get; set; } = TimeSpan.FromMinutes(10);
}
