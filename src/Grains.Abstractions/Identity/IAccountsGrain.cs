using MedPlatform.Common;

namespace MedPlatform.Identity;

/// <summary>
/// The accounts service: the entry point for registration, sign-in, refresh, sign-out and the
/// admin's account work. A stateless worker that coordinates the email index, the user grains,
/// the login throttles and the audit log, so the Api makes one call per request.
/// </summary>
public interface IAccountsGrain : IGrainWithIntegerKey
{
    /// <summary>Self-registration: only patient and doctor.</summary>
    Task<UserView> Register(NewAccount account, string? clientAddress);

    /// <summary>401 for an unknown email or a wrong password alike; 423 or 429 while throttled.</summary>
    Task<SignedIn> SignIn(string email, string password, string? clientAddress, string? userAgent = null);

    Task<SignedIn> Refresh(string refreshToken, string? clientAddress);

    Task SignOut(Caller caller, string? refreshToken);

    Task ChangePassword(Caller caller, string currentPassword, string newPassword);

    Task<UserView> Me(Caller caller);

    /// <summary>Admin only: create a pharmacist or another admin.</summary>
    Task<UserView> CreateStaff(Caller admin, NewAccount account);

    Task<UserView> VerifyDoctor(Caller admin, string doctorId);

    Task<PagedResult<UserView>> ListUsers(Caller admin, UserQuery query);
}
