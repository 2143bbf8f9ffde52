using MedPlatform.Common;
using MedPlatform.Hosting;

namespace MedPlatform.Identity;

/// <summary>A sliding window of requests; it forgets them when it deactivates after the window, like the sign-in throttles.</summary>
public sealed class RequestThrottleGrain(PlatformClock clock) : Grain, IRequestThrottleGrain
{
    private readonly Queue<DateTimeOffset> requests = new();

    public Task Take(int limit, TimeSpan window, string refusal)
    {
        var now = clock.GetUtcNow();
        while (requests.TryPeek(out var oldest) && oldest <= now - window)
            requests.Dequeue();
        if (requests.Count >= limit)
        {
            var retryAt = requests.Peek() + window;
            throw DomainException.TooManyRequests(refusal, Math.Max(1, (int)Math.Ceiling((retryAt - now).TotalSeconds)));
        }
        requests.Enqueue(now);
        DelayDeactivation(window);
        return Task.CompletedTask;
    }
}
