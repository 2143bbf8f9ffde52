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

    private static async Task Ensure(IGrainFactory grains, Caller caller, string refusal, params Role[] roles)
    {
        if (!roles.Contains(caller.Role) || !UserIds.IsCanonical(caller.UserId))
            throw DomainException.Forbidden(refusal);
        var account = await grains.GetGrain<IUserGrain>(caller.UserId).Find();
        if (account is null || account.Role != caller.Role)
            throw DomainException.Forbidden(refusal);
    }
}
