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

/// <summary>What sign-in and refresh answer: the tokens exist only at the edge, so this shape is the Api's own.</summary>
public sealed record TokenResponse(
    string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt, UserView User);
