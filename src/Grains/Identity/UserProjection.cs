using MedPlatform.Storage;

namespace MedPlatform.Identity;

/// <summary>What the users read model stores: the row behind the admin's user lists.</summary>
public sealed record UserProjection(
    string Id, string Email, string DisplayName, Role Role, bool Verified,
    string? Department, string? LicenseNumber, DateTimeOffset CreatedAt, bool EmailVerified, bool TwoFactorEnabled)
{
    public static UserProjection From(string id, UserState state) =>
        new(id, state.Email!, state.DisplayName, state.Role, state.Verified, state.Department, state.LicenseNumber, state.CreatedAt, !state.EmailUnconfirmed, state.TwoFactor.IsOn);

    internal static string RoleText(Role role) => role.ToString().ToLowerInvariant();
}
