using MedPlatform.Identity;

namespace MedPlatform.Api.Identity;

// The request bodies of the identity endpoints (see shared/API.md); accounts are answered as the
// grains' UserView. Fields are nullable so a missing field is reported as a per-field 400, not as
// unreadable JSON.

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, string? Role, string? LicenseNumber, string? Department);

public sealed record CreateStaffRequest(string? Email, string? Password, string? DisplayName, string? Role);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record LogoutRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>The token from a confirmation link (the part after <c>#token=</c>).</summary>
public sealed record VerifyEmailRequest(string? Token);

public sealed record ForgotPasswordRequest(string? Email);

/// <summary>The token from a reset link and the new password.</summary>
public sealed record ResetPasswordRequest(string? Token, string? NewPassword);

/// <summary>
/// What sign-in and refresh answer: the tokens exist only at the edge, so this shape is the Api's own.
/// A sign-in whose account has two-factor on answers <see cref="TwoFactorRequired"/> and a challenge
/// token instead, and every token field is null until <c>POST /api/auth/login/two-factor</c> completes it.
/// </summary>
public sealed record TokenResponse(
    string? AccessToken, string? TokenType, int? ExpiresIn, string? RefreshToken, DateTimeOffset? RefreshTokenExpiresAt, UserView? User,
    bool TwoFactorRequired = false, string? ChallengeToken = null, DateTimeOffset? ChallengeExpiresAt = null)
{
    public static TokenResponse Challenge(TwoFactorChallenge challenge) =>
        new(null, null, null, null, null, null, TwoFactorRequired: true, challenge.Token, challenge.ExpiresAt);
}

/// <summary>The second step of a sign-in: the challenge token and either a code from the authenticator app or a recovery code.</summary>
public sealed record TwoFactorLoginRequest(string? ChallengeToken, string? Code, string? RecoveryCode);

/// <summary>What an authenticator app is set up with: the secret to type, the URI to open and the same URI as a QR code to scan.</summary>
public sealed record TwoFactorSetupResponse(string Secret, string OtpauthUri, string QrCodeSvg);

/// <summary>The password again (a stolen access token must not enrol an app of its own) and a code from the new app.</summary>
public sealed record TwoFactorConfirmRequest(string? Password, string? Code);

/// <summary>Shown once: each signs in once instead of a code, when the phone is lost.</summary>
public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

public sealed record DisableTwoFactorRequest(string? Password, string? Code);
