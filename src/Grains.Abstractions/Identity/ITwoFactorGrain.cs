namespace MedPlatform.Identity;

/// <summary>
/// One account's second factor (TOTP, RFC 6238), keyed by user id: the secret (encrypted at rest),
/// the last time step accepted (so a code works once) and the recovery codes (hashed). The User
/// grain checks the password; this grain checks the code. Wrong codes lock like wrong passwords,
/// per client network.
/// </summary>
public interface ITwoFactorGrain : IGrainWithStringKey
{
    /// <summary>Whether two-factor sign-in is on.</summary>
    Task<bool> IsEnabled();

    /// <summary>
    /// A new secret to enrol with, not yet active (an earlier unconfirmed one is replaced). Refused
    /// with 409 while two-factor is on: it is turned off first.
    /// </summary>
    Task<TwoFactorEnrolment> BeginEnrolment(string accountName);

    /// <summary>A code from the enrolled app turns two-factor on; the answer is the ten recovery codes, shown once.</summary>
    Task<IReadOnlyList<string>> ConfirmEnrolment(string code, string network);

    /// <summary>Accepts a code of the current time step or the one on either side, once; anything else is refused (400) and counted.</summary>
    Task VerifyCode(string code, string network);

    /// <summary>Accepts one of the recovery codes, which is then spent; the answer is how many are left.</summary>
    Task<int> UseRecoveryCode(string recoveryCode, string network);

    /// <summary>Turns two-factor off after a valid code (the caller has checked the password and the role).</summary>
    Task Disable(string code, string network);
}

/// <summary>What an authenticator app needs: the secret in base32 and the <c>otpauth://</c> URI a QR code carries.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.TwoFactorEnrolment")]
public sealed record TwoFactorEnrolment([property: Id(0)] string Secret, [property: Id(1)] string OtpauthUri);
