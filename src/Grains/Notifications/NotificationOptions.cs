namespace MedPlatform.Notifications;

/// <summary>"Notifications" section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often pharmacists are told of orders that came to wait for review since the last time.</summary>
    public TimeSpan ReviewDigestEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// False tells nobody of anything, in the app or by mail (account mail, such as confirmation and
    /// reset links, still goes): for a staging copy of production data, whose patients must not hear
    /// from it, and to measure what notifications cost (docs/benchmarks.md).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a silo holds a notification before handing it on, gathering those that come meanwhile (<see cref="Notifier"/>).</summary>
    public TimeSpan GatherFor { get; set; } = TimeSpan.FromMilliseconds(50);
}
