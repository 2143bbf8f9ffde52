using MedPlatform.Hosting;
using MedPlatform.Common;
using Microsoft.Extensions.Options;

namespace MedPlatform.Identity;

/// <summary>A sliding window of failed sign-ins from one client address. In memory, like the account lockout.</summary>
public sealed class AddressThrottleGrain(PlatformClock clock, IOptions<AccountOptions> options) : Grain, IAddressThrottleGrain
{
    private readonly Queue<DateTimeOffset> failures = new();

    private LoginThrottleOptions Settings => options.Value.Throttle;

    public Task EnsureAllowed()
    {
        var now = clock.GetUtcNow();
        Slide(now);
        if (failures.Count >= Settings.AddressFailures)
        {
            var retryAt = failures.Peek() + Settings.AddressWindow;
            throw new DomainException(ProblemKind.TooManyRequests,
                "Too many failed sign-ins from your network. Try again later.",
                retryAfterSeconds: Math.Max(1, (int)Math.Ceiling((retryAt - now).TotalSeconds)));
        }
        return Task.CompletedTask;
    }

    public Task RecordFailure()
    {
        var now = clock.GetUtcNow();
        Slide(now);
        failures.Enqueue(now);
        DelayDeactivation(Settings.AddressWindow);
        return Task.CompletedTask;
    }

    private void Slide(DateTimeOffset now)
    {
        while (failures.TryPeek(out var oldest) && oldest <= now - Settings.AddressWindow)
            failures.Dequeue();
    }
}
