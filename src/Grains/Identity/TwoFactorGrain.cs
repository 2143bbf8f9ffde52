using System.Security.Cryptography;
using System.Text;
using MedPlatform.Common;
using MedPlatform.Hosting;
using Microsoft.AspNetCore.DataProtection;
using OtpNet;

namespace MedPlatform.Identity;

public sealed class TwoFactorGrain(
    [PersistentState("two-factor", StorageNames.Identity)] IPersistentState<TwoFactorState> state,
    IDataProtectionProvider protection,
    PlatformClock clock) : Grain, ITwoFactorGrain
{
    /// <summary>The name authenticator apps show beside the account.</summary>
    private const string Issuer = "MedPlatform";

    /// <summary>RFC 6238's advice: one step either side, for clocks that drift and codes typed slowly.</summary>
    private static readonly VerificationWindow OneStepEitherSide = new(previous: 1, future: 1);

    private readonly IDataProtector secrets = protection.CreateProtector(PlatformDataProtection.TwoFactorSecretPurpose);

    private string Id => this.GetPrimaryKeyString();
    private TwoFactorState Factor => state.State;

    public Task<bool> IsEnabled() => Task.FromResult(Factor.ProtectedSecret is not null);

    public async Task<TwoFactorEnrolment> BeginEnrolment(string accountName)
    {
        EnsureOff();
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        Factor.ProtectedPendingSecret = secrets.Protect(secret);
        await this.Save(state);
        return new TwoFactorEnrolment(secret, new OtpUri(OtpType.Totp, secret, accountName, Issuer).ToString());
    }

    public async Task<IReadOnlyList<string>> ConfirmEnrolment(string code, string network)
    {
        EnsureOff();
        var pending = Factor.ProtectedPendingSecret
            ?? throw DomainException.Conflict("There is no two-factor enrolment to confirm: start it again.");
        var step = await Check(pending, code, network);
        var codes = Enumerable.Range(0, RecoveryCodes.Count).Select(_ => RecoveryCodes.New()).ToList();
        Factor.ProtectedSecret = pending;
        Factor.ProtectedPendingSecret = null;
        Factor.LastAcceptedStep = step;
        Factor.RecoveryCodeHashes = [.. codes.Select(RecoveryCodes.HashOf)];
        Factor.EnabledAt = clock.GetUtcNow();
        await this.Save(state);
        return codes;
    }

    public async Task VerifyCode(string code, string network)
    {
        Factor.LastAcceptedStep = await Check(Active(), code, network);
        await this.Save(state);
    }

    public async Task<int> UseRecoveryCode(string recoveryCode, string network)
    {
        Active();
        var lockout = Lockout();
        await lockout.EnsureAllowed(network, knownNetwork: false);
        var typed = Encoding.ASCII.GetBytes(RecoveryCodes.HashOf(recoveryCode));
        var index = Factor.RecoveryCodeHashes.FindIndex(hash => CryptographicOperations.FixedTimeEquals(typed, Encoding.ASCII.GetBytes(hash)));
        if (index < 0)
        {
            await lockout.RecordFailure(network);
            throw DomainException.Invalid("recoveryCode", "That recovery code is not right, or it was used already.");
        }
        Factor.RecoveryCodeHashes.RemoveAt(index);
        await this.Save(state);
        await lockout.RecordSuccess(network);
        return Factor.RecoveryCodeHashes.Count;
    }

    public async Task Disable(string code, string network)
    {
        var step = await Check(Active(), code, network);
        // Kept, so a code already used cannot turn it on again after a new enrolment in the same step.
        state.State = new TwoFactorState { LastAcceptedStep = step };
        await this.Save(state);
    }

    /// <summary>The time step of a right code not used before; a wrong or used code is refused and counted like a wrong password.</summary>
    private async Task<long> Check(string protectedSecret, string code, string network)
    {
        var lockout = Lockout();
        await lockout.EnsureAllowed(network, knownNetwork: false);
        var digits = string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c)));
        var totp = new Totp(Base32Encoding.ToBytes(secrets.Unprotect(protectedSecret)));
        if (digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, OneStepEitherSide)
            && step > Factor.LastAcceptedStep)
        {
            await lockout.RecordSuccess(network);
            return step;
        }
        await lockout.RecordFailure(network);
        throw DomainException.Invalid("code", "That code is not right, or it was used already. Enter the code your authenticator app shows now.");
    }

    /// <summary>Wrong codes are throttled by the same rules as wrong passwords, under a key of their own.</summary>
    private IAccountLockoutGrain Lockout() => GrainFactory.GetGrain<IAccountLockoutGrain>($"two-factor:{Id}");

    private string Active() => Factor.ProtectedSecret ?? throw DomainException.Conflict("Two-factor sign-in is not on for this account.");

    private void EnsureOff()
    {
        if (Factor.ProtectedSecret is not null)
            throw DomainException.Conflict("Two-factor sign-in is on already: turn it off before enrolling again.");
    }
}
