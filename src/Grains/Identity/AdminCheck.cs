using MedPlatform.Common;

namespace MedPlatform.Identity;

/// <summary>
/// Admin-only operations check the role twice: the token's claim (cheap, already checked by the
/// Api's policy) and the account itself, so a token minted before a role change grants nothing.
/// </summary>
public static class AdminCheck
{
    public static async Task Ensure(IGrainFactory grains, Caller caller)
    {
        if (caller.Role != Role.Admin)
            throw DomainException.Forbidden("Only an administrator may do this.");
        var account = await grains.GetGrain<IUserGrain>(caller.UserId).Find();
        if (account is not { Role: Role.Admin })
            throw DomainException.Forbidden("Only an administrator may do this.");
    }
}
