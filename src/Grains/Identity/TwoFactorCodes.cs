using System.Security.Cryptography;
using System.Text;
using MedPlatform.Common;
using MedPlatform.Hosting;
using Microsoft.AspNetCore.DataProtection;
using OtpNet;

namespace MedPlatform.Identity;

/// <summary>
/// The rules of the second factor (TOTP, RFC 6238) over an account's <see cref="TwoFactorState"/>:
/// new secrets, code checks that accept a step once, recovery codes. The User grain owns the state
/// and saves it; wrong codes lock like wrong passwords through the lockout it passes in.
/// </summary>
public sealed class TwoFactorCodes(IDataProtectionProvider protection, PlatformClock clock)
{
    /// <summary>The name authenticator apps show beside the account.</summary>
    private const string Issuer = "MedPlatform";

    /// <summary>RFC 6238's advice: one step either side, for clocks that drift and codes typed slowly.</summary>
    private static readonly VerificationWindow OneStepEitherSide = new(previous: 1, future: 1);

    private readonly IDataProtector secrets = protection.CreateProtector(PlatformDataProtection.TwoFactorSecretPurpose);

    /// <summary>A new secret, kept (encrypted) as pending until a code from it confirms the enrolment.</summary>
    public TwoFactorEnrolment Begin(TwoFactorState factor, string accountName)
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        factor.ProtectedPendingSecret = secrets.Protect(secret);
        return new TwoFactorEnrolment(secret, new OtpUri(OtpType.Totp, secret, accountName, Issuer).ToString());
    }

    /// <summary>Confirms the pending secret with a code from it: two-factor is on, and the answer is the ten recovery codes to show once.</summary>
    public async Task<IReadOnlyList<string>> Confirm(TwoFactorState factor, string code, IAccountLockoutGrain lockout, string network)
    {
        var pending = factor.ProtectedPendingSecret
            ?? throw DomainException.Conflict("There is no two-factor enrolment to confirm: start it again.");
        var step = await Check(factor, pending, code, lockout, network);
        var codes = Enumerable.Range(0, RecoveryCodes.Count).Select(_ => RecoveryCodes.New()).ToList();
        factor.ProtectedSecret = pending;
        factor.ProtectedPendingSecret = null;
        factor.LastAcceptedStep = step;
        factor.RecoveryCodeHashes = [.. codes.Select(RecoveryCodes.HashOf)];
        factor.EnabledAt = clock.GetUtcNow();
        return codes;
    }

    /// <summary>Accepts a code of the current step or either neighbour, once: the state remembers its step (save it).</summary>
    public async Task Verify(TwoFactorState factor, string? code, IAccountLockoutGrain lockout, string network) =>
        factor.LastAcceptedStep = await Check(factor, Active(factor), code, lockout, network);

    /// <summary>Spends one recovery code (save the state); the answer is how many are left.</summary>
    public async Task<int> SpendRecoveryCode(TwoFactorState factor, string recoveryCode, IAccountLockoutGrain lockout, string network)
    {
        Active(factor);
        await lockout.EnsureAllowed(network, knownNetwork: false);
        var typed = Encoding.ASCII.GetBytes(RecoveryCodes.HashOf(recoveryCode));
        var index = factor.RecoveryCodeHashes.FindIndex(hash => CryptographicOperations.FixedTimeEquals(typed, Encoding.ASCII.GetBytes(hash)));
        if (index < 0)
        {
            await lockout.RecordFailure(network);
            throw DomainException.Invalid("recoveryCode", "That recovery code is not right, or it was used already.");
        }
        factor.RecoveryCodeHashes.RemoveAt(index);
        await lockout.RecordSuccess(network);
        return factor.RecoveryCodeHashes.Count;
    }

    /// <summary>The state of an account whose second factor was just turned off with <paramref name="code"/>.</summary>
    public async Task<TwoFactorState> TurnOff(TwoFactorState factor, string? code, IAccountLockoutGrain lockout, string network) =>
        // The step is kept, so a code already used cannot turn it on again after a new enrolment in the same step.
        new() { LastAcceptedStep = await Check(factor, Active(factor), code, lockout, network) };

    /// <summary>The time step of a right code not used before; a wrong or used code is refused and counted like a wrong password.</summary>
    private async Task<long> Check(TwoFactorState factor, string protectedSecret, string? code, IAccountLockoutGrain lockout, string network)
    {
        await lockout.EnsureAllowed(network, knownNetwork: false);
        var digits = string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c)));
        var totp = new Totp(Base32Encoding.ToBytes(secrets.Unprotect(protectedSecret)));
        if (digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, OneStepEitherSide)
            && step > factor.LastAcceptedStep)
        {
            await lockout.RecordSuccess(network);
            return step;
        }
        await lockout.RecordFailure(network);
        throw DomainException.Invalid("code", "That code is not right, or it was used already. Enter the code your authenticator app shows now.");
    }

    private static string Active(TwoFactorState factor) =>
        factor.ProtectedSecret ?? throw DomainException.Conflict("Two-factor sign-in is not on for this account.");
}
