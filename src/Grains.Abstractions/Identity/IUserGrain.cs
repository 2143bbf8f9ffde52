using MedPlatform.Common;

namespace MedPlatform.Identity;

/// <summary>One account, keyed by user id. Owns the profile, role, password hash, verification and refresh tokens.</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Opens the account. Refused with 409 if this id already holds an account.</summary>
    Task<UserView> Create(NewAccount account);

    /// <summary>The account, or null when there is none under this id.</summary>
    Task<UserView?> Find();

    /// <summary>Checks the password and, when it matches, issues a refresh token. Null when it does not match.</summary>
    Task<SignedIn?> SignIn(string password, string? clientAddress);

    /// <summary>Exchanges a refresh token for a new one (rotation). A used or revoked token is refused and revokes the whole family.</summary>
    Task<SignedIn> Refresh(string refreshTokenSecret, string? clientAddress);

    /// <summary>Revokes one refresh token of the caller's, or all of them when <paramref name="refreshTokenSecret"/> is null.</summary>
    Task SignOut(Caller caller, string? refreshTokenSecret);

    Task ChangePassword(Caller caller, string currentPassword, string newPassword);

    /// <summary>An admin confirms a doctor's licence. Idempotent.</summary>
    Task<UserView> VerifyDoctor(Caller admin);
}
