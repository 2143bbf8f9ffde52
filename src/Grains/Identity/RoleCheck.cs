using MedPlatform.Common;

namespace MedPlatform.Identity;

/// <summary>
/// Operations for some roles only check the role twice: the token's claim (cheap, already checked
/// by the Api's policy) and the account itself, so a token minted before a role change grants nothing.
/// </summary>
public static class RoleCheck
{
    public static Task EnsureAdmin(IGrainFactory grains, Caller caller) =>
        Ensure(grains, caller, "Only an administrator may do this.", Role.Admin);

    public static Task EnsureStaff(IGrainFactory grains, Caller caller) =>
        Ensure(grains, caller, "Only pharmacists and administrators may do this.", Role.Pharmacist, Role.Admin);

    /// <summary>A doctor whose licence an administrator has verified.</summary>
    public static async Task EnsureVerifiedDoctor(IGrainFactory grains, Caller caller)
    {
        var account = caller.Role == Role.Doctor && UserIds.IsCanonical(caller.UserId) ? await grains.GetGrain<IUserGrain>(caller.UserId).Find() : null;
        if (account is not { Role: Role.Doctor, Verified: true })
            throw DomainException.Forbidden("Only doctors whose licence has been verified may do this.");
    }

    private static async Task Ensure(IGrainFactory grains, Caller caller, string refusal, params Role[] roles)
    {
        if (!roles.Contains(caller.Role) || !UserIds.IsCanonical(caller.UserId))
            throw DomainException.Forbidden(refusal);
        var account = await grains.GetGrain<IUserGrain>(caller.UserId).Find();
        if (account is null || account.Role != caller.Role)
            throw DomainException.Forbidden(refusal);
    }
}
