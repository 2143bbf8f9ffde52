using MedPlatform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace MedPlatform.Api.Auth;

/// <summary>The authorization policies endpoints name. Grains check ownership again on their side.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Patient = nameof(Patient);
    public const string Doctor = nameof(Doctor);
    public const string VerifiedDoctor = nameof(VerifiedDoctor);
    public const string Pharmacist = nameof(Pharmacist);
    public const string Admin = nameof(Admin);
    /// <summary>Pharmacists and administrators.</summary>
    public const string Staff = nameof(Staff);

    // No fallback policy: it would also guard routing's own 404/405/415 answers and turn them into
    // 401s. Instead every endpoint names its policy or AllowAnonymous, and a test enforces that.
    public static AuthorizationBuilder AddMedPlatformPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
        .AddPolicy(Patient, policy => policy.RequireRole(ClaimNames.RoleValue(Role.Patient)))
        .AddPolicy(Doctor, policy => policy.RequireRole(ClaimNames.RoleValue(Role.Doctor)))
        .AddPolicy(VerifiedDoctor, policy => policy.RequireRole(ClaimNames.RoleValue(Role.Doctor)).RequireClaim(ClaimNames.Verified, "true"))
        .AddPolicy(Pharmacist, policy => policy.RequireRole(ClaimNames.RoleValue(Role.Pharmacist)))
        .AddPolicy(Admin, policy => policy.RequireRole(ClaimNames.RoleValue(Role.Admin)))
        .AddPolicy(Staff, policy => policy.RequireRole(ClaimNames.RoleValue(Role.Pharmacist), ClaimNames.RoleValue(Role.Admin)));
}
