using MedPlatform.Identity;

namespace MedPlatform.Api.Identity;

// The JSON shapes of the identity endpoints (see shared/API.md). Request fields are nullable so a
// missing field is reported as a per-field 400, not as unreadable JSON.

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, string? Role, string? LicenseNumber, string? Department);

public sealed record CreateStaffRequest(string? Email, string? Password, string? DisplayName, string? Role);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record LogoutRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record UserResponse(
    string Id, string Email, string DisplayName, Role Role, bool Verified,
    string? Department, string? LicenseNumber, DateTimeOffset CreatedAt)
{
    public static UserResponse From(UserView user) =>
        new(user.Id, user.Email, user.DisplayName, user.Role, user.Verified, user.Department, user.LicenseNumber, user.CreatedAt);
}

public sealed record TokenResponse(
    string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt, UserResponse User);
