using MedPlatform.Common;
using MedPlatform.Hosting;

namespace MedPlatform.Identity;

// The account's second factor: enrolment, the second step of a sign-in, turning it off. The state
// lives in the account itself, so "two-factor is on" is written once, with the secret that makes it so.
public sealed partial class UserGrain
{
    /// <summary>Long enough to open an authenticator app and type a code; short enough that a stolen challenge is soon worthless.</summary>
    private static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);
    private const int ChallengesKept = 5;

    /// <summary>
    /// Wrong codes in a row after which every open sign-in is dropped (the password is asked again)
    /// and the owner is told: whoever types them knows the password.
    /// </summary>
    private const int WrongCodesBeforeAlarm = 5;

    private const string ChallengeRefused = "This sign-in has expired or was completed already. Sign in with your password again.";

    public async Task<TwoFactorEnrolment> BeginTwoFactor(Caller caller)
    {
        EnsureOwner(caller);
        EnsureTwoFactorOff();
        var enrolment = twoFactor.Begin(Account.TwoFactor, Account.Email!);
        await this.Save(state);
        return enrolment;
    }

    public Task<IReadOnlyList<string>> ConfirmTwoFactor(Caller caller, string password, string code, string? currentSessionId) => Atomically(async () =>
    {
        EnsureOwner(caller);
        EnsureTwoFactorOff();
        // Whoever holds a stolen access token must not lock the owner out with an app of their own.
        if (passwords.Verify(Account.PasswordHash, password) == PasswordCheck.Wrong)
            throw DomainException.Invalid("password", "The password is not correct.");
        var codes = await twoFactor.Confirm(Account.TwoFactor, code, CodeLockout(), ClientNetworks.Of(caller.ClientAddress));
        // Devices signed in on the password alone are signed out: from now on a device needs both.
        var now = clock.GetUtcNow();
        foreach (var session in Account.Sessions.Where(s => s.RevokedAt is null && s.Id != currentSessionId))
            session.RevokedAt = now;
        await mail.Enqueue(TwoFactorMail.TwoFactorChanged(Id, Account.Email!, Account.DisplayName, enabled: true, now, app.Value.PublicUrl));
        await this.Save(state);
        await Project();
        return codes;
    });

    public Task DisableTwoFactor(Caller caller, string password, string code) => Atomically(async () =>
    {
        EnsureOwner(caller);
        if (Account.Role.RequiresTwoFactor())
            throw DomainException.Unprocessable("Administrators and pharmacists must keep two-factor sign-in on: they can read every patient's prescriptions and orders.");
        if (!Account.TwoFactor.IsOn)
            throw DomainException.Conflict("Two-factor sign-in is not on for this account.");
        if (passwords.Verify(Account.PasswordHash, password) == PasswordCheck.Wrong)
            throw DomainException.Invalid("password", "The password is not correct.");
        var off = await twoFactor.TurnOff(Account.TwoFactor, code, CodeLockout(), ClientNetworks.Of(caller.ClientAddress));
        await mail.Enqueue(TwoFactorMail.TwoFactorChanged(Id, Account.Email!, Account.DisplayName, enabled: false, clock.GetUtcNow(), app.Value.PublicUrl));
        Account.TwoFactor = off;
        Account.SignInChallenges.Clear();
        await this.Save(state);
        await Project();
        return true;
    });

    public Task<UserView> ResetTwoFactor(Caller admin) => Atomically(async () =>
    {
        if (admin.Role != Role.Admin)
            throw DomainException.Forbidden("Only an administrator may reset someone's two-factor sign-in.");
        if (!Exists)
            throw DomainException.NotFound("No such account.");
        if (admin.UserId == Id)
            throw DomainException.Unprocessable("Another administrator must reset your two-factor sign-in: that is what makes it a second factor.");
        if (!Account.TwoFactor.IsOn)
            throw DomainException.Conflict($"{Account.DisplayName} does not sign in with two-factor.");
        var now = clock.GetUtcNow();
        await mail.Enqueue(TwoFactorMail.TwoFactorReset(Id, Account.Email!, Account.DisplayName, Account.Role.RequiresTwoFactor(), now, app.Value.PublicUrl));
        Account.TwoFactor = new TwoFactorState { LastAcceptedStep = Account.TwoFactor.LastAcceptedStep };
        Account.SignInChallenges.Clear();
        // Whoever holds a session of the account (perhaps with the lost phone) is signed out with it.
        foreach (var session in Account.Sessions.Where(s => s.RevokedAt is null))
            session.RevokedAt = now;
        await this.Save(state);
        await Project();
        return Account.ToView(Id);
    });

    public Task<SignedIn> CompleteSignIn(string challengeId, string secret, SecondFactor factor, string? clientAddress, string? userAgent = null) => Atomically(async () =>
    {
        var now = clock.GetUtcNow();
        var challenge = Exists ? Account.SignInChallenges.Find(c => c.Id == challengeId) : null;
        if (challenge is null || challenge.ExpiresAt <= now || !RefreshTokens.Matches(secret, challenge.Hash) || !Account.TwoFactor.IsOn)
            throw DomainException.Unauthorized(ChallengeRefused);

        var network = ClientNetworks.Of(clientAddress);
        int? recoveryCodesLeft = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(factor.RecoveryCode))
                recoveryCodesLeft = await twoFactor.SpendRecoveryCode(Account.TwoFactor, factor.RecoveryCode, CodeLockout(), network);
            else
                await twoFactor.Verify(Account.TwoFactor, factor.Code, CodeLockout(), network);
        }
        catch (DomainException wrong) when (wrong.Kind == ProblemKind.Invalid)
        {
            await CountWrongCode(now);
            throw;
        }

        Account.TwoFactor.FailedCodesInARow = 0;
        Account.SignInChallenges.Remove(challenge);
        var signedIn = SignedInOnThisDevice(clientAddress, userAgent);
        if (recoveryCodesLeft is { } left)
            await mail.Enqueue(TwoFactorMail.RecoveryCodeUsed(Id, Account.Email!, Account.DisplayName, left, now, app.Value.PublicUrl));
        await this.Save(state);
        return signedIn;
    });

    /// <summary>
    /// A wrong code is counted in the account (the lockout counts per network, and forgets): every
    /// few in a row drop the open sign-ins, so guessing needs the password again, and tell the owner.
    /// </summary>
    private async Task CountWrongCode(DateTimeOffset now)
    {
        var wrong = ++Account.TwoFactor.FailedCodesInARow;
        if (wrong % WrongCodesBeforeAlarm == 0)
        {
            Account.SignInChallenges.Clear();
            await mail.Enqueue(TwoFactorMail.WrongCodes(Id, Account.Email!, Account.DisplayName, wrong, now, app.Value.PublicUrl));
        }
        await this.Save(state);
    }

    /// <summary>A challenge for a sign-in whose password was right (save the state); older ones beyond a few are dropped.</summary>
    private TwoFactorChallenge StartChallenge()
    {
        var now = clock.GetUtcNow();
        Account.SignInChallenges.RemoveAll(c => c.ExpiresAt <= now);
        if (Account.SignInChallenges.Count >= ChallengesKept)
            Account.SignInChallenges.RemoveRange(0, Account.SignInChallenges.Count - ChallengesKept + 1);
        var secret = RefreshTokens.NewSecret();
        var challenge = new SignInChallenge(UserIds.New(), RefreshTokens.HashOf(secret), now + ChallengeLifetime);
        Account.SignInChallenges.Add(challenge);
        return new TwoFactorChallenge(RefreshTokens.Format(Id, challenge.Id, secret), challenge.ExpiresAt);
    }

    /// <summary>
    /// Runs a change of several steps (codes checked, sessions ended, a mail queued, the state saved)
    /// as one: if any step fails, the activation forgets what it changed in memory and reads the
    /// stored account again, so a later save cannot write half of it.
    /// </summary>
    private async Task<T> Atomically<T>(Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }

    /// <summary>Wrong codes are throttled by the same rules as wrong passwords, under a key of their own.</summary>
    private IAccountLockoutGrain CodeLockout() => GrainFactory.GetGrain<IAccountLockoutGrain>($"two-factor:{Id}");

    private void EnsureTwoFactorOff()
    {
        if (Account.TwoFactor.IsOn)
            throw DomainException.Conflict("Two-factor sign-in is on already: turn it off before enrolling again.");
    }
}
