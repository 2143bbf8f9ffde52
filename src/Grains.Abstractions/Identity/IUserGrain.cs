using MedPlatform.Common;

namespace MedPlatform.Identity;

/// <summary>One account, keyed by user id. Owns the profile, role, password hash, verification and refresh tokens.</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Opens the account. Refused with 409 if this id already holds an account.</summary>
    Task<UserView> Create(NewAccount account);

    /// <summary>The account, or null when there is none under this id.</summary>
    Task<UserView?> Find();

    /// <summary>Checks the password and, when it matches, starts a session with a refresh token. Null when it does not match.</summary>
    Task<SignedIn?> SignIn(string password, string? clientAddress, string? userAgent = null);

    /// <summary>
    /// Exchanges a session's current refresh token for a new one (rotation). A session's earlier
    /// token coming back means a copy exists: the session is revoked.
    /// </summary>
    Task<SignedIn> Refresh(string sessionId, string secret, string? clientAddress);

    /// <summary>The caller's live sessions (signed-in devices), the most recently active first; <paramref name="currentSessionId"/> is marked.</summary>
    Task<IReadOnlyList<SessionView>> Sessions(Caller caller, string? currentSessionId);

    /// <summary>Ends one of the caller's sessions, or all of them when <paramref name="sessionId"/> is null.</summary>
    Task SignOut(Caller caller, string? sessionId);

    /// <summary>Whether this account has signed in successfully from this client network before.</summary>
    Task<bool> IsKnownNetwork(string network);

    Task ChangePassword(Caller caller, string currentPassword, string newPassword);

    /// <summary>An admin confirms a doctor's licence. Idempotent.</summary>
    Task<UserView> VerifyDoctor(Caller admin);
}
