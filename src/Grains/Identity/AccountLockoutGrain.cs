using MedPlatform.Hosting;
using MedPlatform.Common;
using Microsoft.Extensions.Options;

namespace MedPlatform.Identity;

/// <summary>
/// Kept in memory on purpose: it lives for minutes, and persisting it would let anyone who types
/// random addresses grow the database. A lost activation forgets its locks early, never late.
/// </summary>
public sealed class AccountLockoutGrain(PlatformClock clock, IOptions<AccountOptions> options) : Grain, IAccountLockoutGrain
{
    private sealed class NetworkRecord
    {
        public int Failures;
        public int Locks;
        public DateTimeOffset LockedUntil;
        public DateTimeOffset LastFailure;
    }

    private readonly Dictionary<string, NetworkRecord> byNetwork = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> recentFailures = new();
    private DateTimeOffset lockedForEveryoneUntil;

    private LoginThrottleOptions Settings => options.Value.Throttle;

    public Task EnsureAllowed(string network, bool knownNetwork)
    {
        var now = clock.GetUtcNow();
        // The account-wide lock stops guessing from many networks, but never locks the owner out
        // of a network they have signed in from before.
        var until = knownNetwork ? DateTimeOffset.MinValue : lockedForEveryoneUntil;
        if (byNetwork.TryGetValue(network, out var record) && record.LockedUntil > until)
            until = record.LockedUntil;
        if (until > now)
        {
            throw new DomainException(ProblemKind.Locked,
                "Too many failed sign-ins for this account. Try again later.",
                retryAfterSeconds: (int)Math.Ceiling((until - now).TotalSeconds));
        }
        return Task.CompletedTask;
    }

    public Task RecordFailure(string network)
    {
        var now = clock.GetUtcNow();
        Forget(now);

        var record = byNetwork.TryGetValue(network, out var known) ? known : byNetwork[network] = new NetworkRecord();
        record.LastFailure = now;
        if (++record.Failures >= Settings.FailuresBeforeLock)
        {
            var lockFor = Settings.FirstLock * Math.Pow(2, Math.Min(record.Locks, 16));
            record.LockedUntil = now + (lockFor < Settings.MaxLock ? lockFor : Settings.MaxLock);
            record.Locks++;
            record.Failures = 0;
            DelayDeactivation(record.LockedUntil - now);
        }

        recentFailures.Enqueue(now);
        if (recentFailures.Count >= Settings.AccountWideFailures)
        {
            lockedForEveryoneUntil = now + Settings.AccountWideLock;
            recentFailures.Clear();
            DelayDeactivation(Settings.AccountWideLock);
        }
        return Task.CompletedTask;
    }

    public Task RecordSuccess(string network)
    {
        byNetwork.Remove(network);
        return Task.CompletedTask;
    }

    private void Forget(DateTimeOffset now)
    {
        while (recentFailures.TryPeek(out var oldest) && oldest <= now - Settings.AccountWideWindow)
            recentFailures.Dequeue();
        foreach (var (address, record) in byNetwork)
        {
            if (record.LockedUntil <= now && record.LastFailure <= now - Settings.MaxLock * 2)
                byNetwork.Remove(address);
        }
    }
}
