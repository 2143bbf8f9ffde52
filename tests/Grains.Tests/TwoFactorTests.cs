using MedPlatform.Common;
using MedPlatform.Identity;
using OtpNet;
using static MedPlatform.Grains.Tests.Accounts;

namespace MedPlatform.Grains.Tests;

/// <summary>Two-factor sign-in on the cluster's movable clock: the window, replay, recovery codes, the lock, the challenge.</summary>
[Collection(nameof(GrainCluster))]
public sealed class TwoFactorTests(GrainTestCluster cluster)
{
    private const string Address = "10.0.0.1";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private sealed record Enrolled(IUserGrain Grain, Caller Owner, Totp Authenticator, IReadOnlyList<string> RecoveryCodes);

    /// <summary>An account with two-factor on, two steps after the step its confirming code used.</summary>
    private async Task<Enrolled> EnrolledAsync(Role role = Role.Patient)
    {
        var grain = cluster.Grains.GetGrain<IUserGrain>(UserIds.New());
        var account = New(role);
        var owner = (await grain.Create(account)).AsCaller(Address);
        var enrolment = await grain.BeginTwoFactor(owner);
        Assert.StartsWith("otpauth://totp/MedPlatform:", enrolment.OtpauthUri, StringComparison.Ordinal);
        Assert.Contains($"secret={enrolment.Secret}", enrolment.OtpauthUri, StringComparison.Ordinal);
        Assert.False((await grain.Find())!.TwoFactorEnabled);
        var authenticator = new Totp(Base32Encoding.ToBytes(enrolment.Secret));
        await Refused(ProblemKind.Invalid, () => grain.ConfirmTwoFactor(owner, "not-the-password", CodeAt(authenticator, TimeSpan.Zero), currentSessionId: null));
        var codes = await grain.ConfirmTwoFactor(owner, Password, CodeAt(authenticator, TimeSpan.Zero), currentSessionId: null);
        Assert.True((await grain.Find())!.TwoFactorEnabled);
        // The confirming code's step is spent: the tests start two steps later, so the step before theirs is not.
        cluster.Clock.Advance(2 * Step);
        return new Enrolled(grain, owner, authenticator, codes);
    }

    private string CodeAt(Totp authenticator, TimeSpan offset) => authenticator.ComputeTotp((cluster.Clock.GetUtcNow() + offset).UtcDateTime);

    /// <summary>The password's answer: a challenge and no session.</summary>
    private static async Task<(string Id, string Secret)> ChallengeAsync(IUserGrain grain)
    {
        var answer = await grain.SignIn(Password, Address);
        Assert.NotNull(answer);
        Assert.Null(answer.Session);
        Assert.True(RefreshTokens.TryParse(answer.Challenge!.Token, out _, out var id, out var secret));
        return (id, secret);
    }

    private static Task<SignedIn> CompleteAsync(IUserGrain grain, (string Id, string Secret) challenge, string? code = null, string? recoveryCode = null) =>
        grain.CompleteSignIn(challenge.Id, challenge.Secret, new SecondFactor(code, recoveryCode), Address);

    [Fact]
    public async Task A_code_of_this_step_or_either_neighbour_is_accepted_once_and_two_steps_off_is_refused()
    {
        var (grain, _, authenticator, _) = await EnrolledAsync();
        var challenge = await ChallengeAsync(grain);

        await Refused(ProblemKind.Invalid, () => CompleteAsync(grain, challenge, CodeAt(authenticator, -2 * Step)));
        await Refused(ProblemKind.Invalid, () => CompleteAsync(grain, challenge, CodeAt(authenticator, 2 * Step)));
        Assert.NotNull((await CompleteAsync(grain, challenge, CodeAt(authenticator, -Step))).RefreshToken);

        challenge = await ChallengeAsync(grain);
        var now = CodeAt(authenticator, TimeSpan.Zero);
        await CompleteAsync(grain, challenge, now);
        challenge = await ChallengeAsync(grain);
        await Refused(ProblemKind.Invalid, () => CompleteAsync(grain, challenge, now)); // replayed
        await CompleteAsync(grain, challenge, CodeAt(authenticator, Step));
        // Accepting the next step's code spends this one too.
        challenge = await ChallengeAsync(grain);
        await Refused(ProblemKind.Invalid, () => CompleteAsync(grain, challenge, now));
    }

    [Fact]
    public async Task A_challenge_works_once_and_for_five_minutes()
    {
        var (grain, _, authenticator, _) = await EnrolledAsync();
        var challenge = await ChallengeAsync(grain);
        await CompleteAsync(grain, challenge, CodeAt(authenticator, TimeSpan.Zero));
        cluster.Clock.Advance(Step);
        await Refused(ProblemKind.Unauthorized, () => CompleteAsync(grain, challenge, CodeAt(authenticator, TimeSpan.Zero)));

        var late = await ChallengeAsync(grain);
        cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        await Refused(ProblemKind.Unauthorized, () => CompleteAsync(grain, late, CodeAt(authenticator, TimeSpan.Zero)));
        await Refused(ProblemKind.Unauthorized, () => CompleteAsync(grain, (late.Id, "not-its-secret"), CodeAt(authenticator, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Each_recovery_code_works_once_whatever_its_case_and_dashes()
    {
        var (grain, _, _, codes) = await EnrolledAsync();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$", code));

        await CompleteAsync(grain, await ChallengeAsync(grain), recoveryCode: codes[0]);
        var challenge = await ChallengeAsync(grain);
        await Refused(ProblemKind.Invalid, () => CompleteAsync(grain, challenge, recoveryCode: codes[0]));
        await CompleteAsync(grain, challenge, recoveryCode: codes[1].Replace("-", "", StringComparison.Ordinal).ToUpperInvariant());
    }

    [Fact]
    public async Task Five_wrong_codes_lock_like_wrong_passwords_even_against_the_right_code_and_drop_the_sign_in()
    {
        var (grain, _, authenticator, codes) = await EnrolledAsync();
        var challenge = await ChallengeAsync(grain);
        var wrong = CodeAt(authenticator, 10 * Step);
        for (var i = 0; i < 5; i++)
            await Refused(ProblemKind.Invalid, () => CompleteAsync(grain, challenge, wrong));

        // The open sign-in is dropped: more guesses need the password again.
        await Refused(ProblemKind.Unauthorized, () => CompleteAsync(grain, challenge, CodeAt(authenticator, TimeSpan.Zero)));
        challenge = await ChallengeAsync(grain);
        var locked = await Refused(ProblemKind.Locked, () => CompleteAsync(grain, challenge, CodeAt(authenticator, TimeSpan.Zero)));
        await Refused(ProblemKind.Locked, () => CompleteAsync(grain, challenge, recoveryCode: codes[0]));

        cluster.Clock.Advance(TimeSpan.FromSeconds(locked.RetryAfterSeconds!.Value));
        await CompleteAsync(grain, challenge, CodeAt(authenticator, TimeSpan.Zero));
    }

    [Fact]
    public async Task Turning_it_on_signs_out_every_other_device_and_the_password_alone_no_longer_signs_in()
    {
        var grain = cluster.Grains.GetGrain<IUserGrain>(UserIds.New());
        var owner = (await grain.Create(New())).AsCaller(Address);
        var laptop = (await grain.SignIn(Password, Address))!.Session!;
        var phone = (await grain.SignIn(Password, Address))!.Session!;
        Assert.True(RefreshTokens.TryParse(phone.RefreshToken, out _, out var phoneSession, out _));
        var enrolment = await grain.BeginTwoFactor(owner);

        await grain.ConfirmTwoFactor(owner, Password, new Totp(Base32Encoding.ToBytes(enrolment.Secret)).ComputeTotp(cluster.Clock.GetUtcNow().UtcDateTime), phoneSession);

        Assert.Equal([phoneSession], (await grain.Sessions(owner, null)).Select(s => s.Id));
        Assert.True(RefreshTokens.TryParse(laptop.RefreshToken, out _, out var laptopSession, out var laptopSecret));
        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(laptopSession, laptopSecret, Address));
        Assert.Null((await grain.SignIn(Password, Address))!.Session);
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password_and_a_code_and_a_new_enrolment_gets_a_new_secret()
    {
        var (grain, owner, authenticator, _) = await EnrolledAsync();
        await Refused(ProblemKind.Conflict, () => grain.BeginTwoFactor(owner));
        await Refused(ProblemKind.Invalid, () => grain.DisableTwoFactor(owner, "not-the-password", CodeAt(authenticator, TimeSpan.Zero)));
        await Refused(ProblemKind.Invalid, () => grain.DisableTwoFactor(owner, Password, "000000"));

        await grain.DisableTwoFactor(owner, Password, CodeAt(authenticator, TimeSpan.Zero));

        Assert.False((await grain.Find())!.TwoFactorEnabled);
        Assert.NotNull((await grain.SignIn(Password, Address))!.Session);
        var again = await grain.BeginTwoFactor(owner);
        Assert.NotEqual(CodeAt(authenticator, TimeSpan.Zero), CodeAt(new Totp(Base32Encoding.ToBytes(again.Secret)), TimeSpan.Zero));
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Pharmacist)]
    public async Task Administrators_and_pharmacists_cannot_turn_it_off(Role role)
    {
        var (grain, owner, authenticator, _) = await EnrolledAsync(role);

        await Refused(ProblemKind.Unprocessable, () => grain.DisableTwoFactor(owner, Password, CodeAt(authenticator, TimeSpan.Zero)));

        Assert.True((await grain.Find())!.TwoFactorEnabled);
    }
}
