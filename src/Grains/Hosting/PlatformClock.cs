namespace MedPlatform.Hosting;

/// <summary>
/// The clock of the platform's rules: token lifetimes, lockouts, prescription validity, order
/// history. A TimeProvider of its own type, so a test can move business time without also moving
/// the TimeProvider that Orleans' own timers, membership and activation collection run on.
/// </summary>
public sealed class PlatformClock(TimeProvider time) : TimeProvider
{
    public static PlatformClock RealTime { get; } = new(System);

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();
    public override long GetTimestamp() => time.GetTimestamp();
    public override long TimestampFrequency => time.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        time.CreateTimer(callback, state, dueTime, period);
}
