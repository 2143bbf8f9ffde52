using MedPlatform.Common;
using MedPlatform.Identity;
using OtpNet;
using static MedPlatform.Grains.Tests.Accounts;

namespace MedPlatform.Grains.Tests;

/// <summary>TOTP on the cluster's movable clock: the window, replay, recovery codes and the lock.</summary>
[Collection(nameof(GrainCluster))]
public sealed class TwoFactorGrainTests(GrainTestCluster cluster)
{
    private const string Network = "10.0.0.1";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>An account with two-factor on: its grain, its secret and its recovery codes.</summary>
    private async Task<(ITwoFactorGrain Grain, Totp Authenticator, IReadOnlyList<string> RecoveryCodes)> Enrolled()
    {
        var grain = cluster.Grains.GetGrain<ITwoFactorGrain>(Guid.NewGuid().ToString("N"));
        var enrolment = await grain.BeginEnrolment("pat@example.test");
        Assert.StartsWith("otpauth://totp/", enrolment.OtpauthUri, StringComparison.Ordinal);
        Assert.Contains($"secret={enrolment.Secret}", enrolment.OtpauthUri, StringComparison.Ordinal);
        Assert.False(await grain.IsEnabled());
        var authenticator = new Totp(Base32Encoding.ToBytes(enrolment.Secret));
        var codes = await grain.ConfirmEnrolment(CodeAt(authenticator, TimeSpan.Zero), Network);
        Assert.True(await grain.IsEnabled());
        // The confirming code's step is spent: the tests start two steps later, so the step before theirs is not.
        cluster.Clock.Advance(2 * Step);
        return (grain, authenticator, codes);
    }

    private string CodeAt(Totp authenticator, TimeSpan offset) => authenticator.ComputeTotp((cluster.Clock.GetUtcNow() + offset).UtcDateTime);

    [Fact]
    public async Task A_code_of_this_step_or_either_neighbour_is_accepted_once_and_two_steps_off_is_refused()
    {
        var (grain, authenticator, _) = await Enrolled();

        await Refused(ProblemKind.Invalid, () => grain.VerifyCode(CodeAt(authenticator, -2 * Step), Network));
        await Refused(ProblemKind.Invalid, () => grain.VerifyCode(CodeAt(authenticator, 2 * Step), Network));

        await grain.VerifyCode(CodeAt(authenticator, -Step), Network);
        await grain.VerifyCode(CodeAt(authenticator, TimeSpan.Zero), Network);
        var now = CodeAt(authenticator, TimeSpan.Zero);
        await Refused(ProblemKind.Invalid, () => grain.VerifyCode(now, Network)); // replayed
        await grain.VerifyCode(CodeAt(authenticator, Step), Network);
        // Accepting the next step's code spends this one and the one before too.
        await Refused(ProblemKind.Invalid, () => grain.VerifyCode(now, Network));
    }

    [Fact]
    public async Task Each_recovery_code_works_once_whatever_its_case_and_dashes()
    {
        var (grain, _, codes) = await Enrolled();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$", code));

        Assert.Equal(9, await grain.UseRecoveryCode(codes[0], Network));
        await Refused(ProblemKind.Invalid, () => grain.UseRecoveryCode(codes[0], Network));
        Assert.Equal(8, await grain.UseRecoveryCode(codes[1].Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(), Network));
    }

    [Fact]
    public async Task Five_wrong_codes_lock_like_wrong_passwords_even_against_the_right_code()
    {
        var (grain, authenticator, _) = await Enrolled();
        var wrong = CodeAt(authenticator, 10 * Step);
        for (var i = 0; i < 5; i++)
            await Refused(ProblemKind.Invalid, () => grain.VerifyCode(wrong, Network));

        var locked = await Refused(ProblemKind.Locked, () => grain.VerifyCode(CodeAt(authenticator, TimeSpan.Zero), Network));
        await Refused(ProblemKind.Locked, () => grain.UseRecoveryCode("aaaa-bbbb-cccc-dddd", Network));

        cluster.Clock.Advance(TimeSpan.FromSeconds(locked.RetryAfterSeconds!.Value));
        await grain.VerifyCode(CodeAt(authenticator, TimeSpan.Zero), Network);
    }

    [Fact]
    public async Task Turning_it_off_needs_a_code_and_a_new_enrolment_gets_a_new_secret()
    {
        var (grain, authenticator, _) = await Enrolled();
        await Refused(ProblemKind.Conflict, () => grain.BeginEnrolment("pat@example.test"));
        await Refused(ProblemKind.Invalid, () => grain.Disable("000000", Network));

        await grain.Disable(CodeAt(authenticator, TimeSpan.Zero), Network);

        Assert.False(await grain.IsEnabled());
        await Refused(ProblemKind.Conflict, () => grain.VerifyCode(CodeAt(authenticator, TimeSpan.Zero), Network));
        var again = await grain.BeginEnrolment("pat@example.test");
        Assert.NotEqual(authenticator.ComputeTotp(cluster.Clock.GetUtcNow().UtcDateTime),
            new Totp(Base32Encoding.ToBytes(again.Secret)).ComputeTotp(cluster.Clock.GetUtcNow().UtcDateTime));
    }
}
