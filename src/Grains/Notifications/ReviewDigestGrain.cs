using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using Microsoft.Extensions.Options;

namespace MedPlatform.Notifications;

/// <summary>
/// In memory: a digest lost with its silo leaves the orders where pharmacists look anyway (the
/// pharmacy queue), and the next order that waits starts a new digest.
/// </summary>
public sealed class ReviewDigestGrain(UserDirectory users, PlatformClock clock, IOptions<NotificationOptions> options, Notifier notifier)
    : Grain, IReviewDigestGrain
{
    private const int PharmacistsTold = 100;
    private readonly HashSet<string> waiting = [];
    private IGrainTimer? digest;

    public Task Waiting(string orderId)
    {
        waiting.Add(orderId);
        var every = options.Value.ReviewDigestEvery;
        // Kept alive until it fires: an idle grain is otherwise collected after 15 min, and the orders it gathered with it.
        digest ??= this.RegisterGrainTimer(Send, new GrainTimerCreationOptions(every, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return Task.CompletedTask;
    }

    private async Task Send(CancellationToken cancellation)
    {
        digest?.Dispose();
        digest = null;
        if (waiting.Count == 0)
            return;
        var count = waiting.Count;
        waiting.Clear();
        var key = $"review-digest:{clock.GetUtcNow().ToUnixTimeMilliseconds()}";
        var title = count == 1 ? "An order awaits your review" : $"{count} orders await your review";
        var pharmacists = await users.List(new UserQuery(Role.Pharmacist, null, new PageRequest(1, PharmacistsTold)));
        foreach (var pharmacist in pharmacists.Items)
        {
            await notifier.Tell(pharmacist.Id, new NewNotification(key, NotificationKind.ReviewQueue, title,
                $"{title} in the pharmacy queue: prescriptions to check before the orders can be sent.", "/pharmacy"));
        }
    }
}
