using MedPlatform.Common;
using MedPlatform.Identity;
using static MedPlatform.Grains.Tests.Accounts;

namespace MedPlatform.Grains.Tests;

[Collection(nameof(GrainCluster))]
public sealed class LoginThrottleTests(GrainTestCluster cluster)
{
    private IAccountLockoutGrain Lockout() => cluster.Grains.GetGrain<IAccountLockoutGrain>(UniqueEmail());

    [Fact]
    public async Task Five_failures_lock_the_account_for_that_address_only()
    {
        var lockout = Lockout();
        for (var i = 0; i < 5; i++)
            await lockout.RecordFailure("10.0.0.1");

        var refusal = await Refused(ProblemKind.Locked, () => lockout.EnsureAllowed("10.0.0.1", false));

        Assert.Equal(60, refusal.RetryAfterSeconds);
        await lockout.EnsureAllowed("10.0.0.2", false);
    }

    [Fact]
    public async Task A_lock_expires_and_each_further_lock_doubles_up_to_the_maximum()
    {
        var lockout = Lockout();
        var locks = new List<int>();
        for (var round = 0; round < 6; round++)
        {
            for (var i = 0; i < 5; i++)
                await lockout.RecordFailure("10.0.0.1");
            var refusal = await Refused(ProblemKind.Locked, () => lockout.EnsureAllowed("10.0.0.1", false));
            locks.Add(refusal.RetryAfterSeconds!.Value);
            cluster.Clock.Advance(TimeSpan.FromSeconds(refusal.RetryAfterSeconds.Value));
            await lockout.EnsureAllowed("10.0.0.1", false);
        }

        Assert.Equal([60, 120, 240, 480, 900, 900], locks);
    }

    [Fact]
    public async Task A_successful_sign_in_clears_the_failures_of_its_address()
    {
        var lockout = Lockout();
        for (var i = 0; i < 4; i++)
            await lockout.RecordFailure("10.0.0.1");
        await lockout.RecordSuccess("10.0.0.1");

        await lockout.RecordFailure("10.0.0.1");

        await lockout.EnsureAllowed("10.0.0.1", false);
    }

    [Fact]
    public async Task Guessing_from_many_addresses_locks_the_account_for_everyone_for_a_while()
    {
        var lockout = Lockout();
        for (var i = 0; i < 100; i++)
            await lockout.RecordFailure($"10.1.{i / 250}.{i % 250}");

        var refusal = await Refused(ProblemKind.Locked, () => lockout.EnsureAllowed("192.168.1.1", knownNetwork: false));
        Assert.Equal(300, refusal.RetryAfterSeconds);

        cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        await lockout.EnsureAllowed("192.168.1.1", knownNetwork: false);
    }

    [Fact]
    public async Task The_account_wide_lock_never_shuts_the_owner_out_of_a_network_they_used_before()
    {
        var lockout = Lockout();
        for (var i = 0; i < 100; i++)
            await lockout.RecordFailure($"10.2.{i / 250}.{i % 250}");

        await Refused(ProblemKind.Locked, () => lockout.EnsureAllowed("192.168.1.1", knownNetwork: false));
        await lockout.EnsureAllowed("192.168.1.1", knownNetwork: true);
    }

    [Fact]
    public async Task An_address_with_thirty_failures_is_throttled_until_the_window_slides()
    {
        var throttle = cluster.Grains.GetGrain<IAddressThrottleGrain>($"10.9.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}-{Guid.NewGuid():N}");
        for (var i = 0; i < 30; i++)
            await throttle.RecordFailure();

        var refusal = await Refused(ProblemKind.TooManyRequests, () => throttle.EnsureAllowed());
        Assert.Equal(600, refusal.RetryAfterSeconds);

        cluster.Clock.Advance(TimeSpan.FromMinutes(10));
        await throttle.EnsureAllowed();
    }
}
