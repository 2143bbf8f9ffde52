namespace MedPlatform.Identity;

/// <summary>What an authenticator app needs: the secret in base32 and the <c>otpauth://</c> URI a QR code carries.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.TwoFactorEnrolment")]
public sealed record TwoFactorEnrolment([property: Id(0)] string Secret, [property: Id(1)] string OtpauthUri);

/// <summary>
/// The first step of a sign-in with two-factor on: the password was right, and this token (shown
/// once, stored hashed) completes it with a code until <see cref="ExpiresAt"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.TwoFactorChallenge")]
public sealed record TwoFactorChallenge([property: Id(0)] string Token, [property: Id(1)] DateTimeOffset ExpiresAt);

/// <summary>What a right password answers: a session, or a challenge when a second factor is needed.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.SignInAnswer")]
public sealed record SignInAnswer(
    /// <summary>The account whose password it was (never sent to the client before the second step).</summary>
    [property: Id(0)] UserView User,
    [property: Id(1)] SignedIn? Session,
    [property: Id(2)] TwoFactorChallenge? Challenge);

/// <summary>The second step of a sign-in: the challenge's token and a code from the app or one of the recovery codes.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.SecondFactor")]
public sealed record SecondFactor([property: Id(0)] string? Code, [property: Id(1)] string? RecoveryCode);
