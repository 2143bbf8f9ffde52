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

    /// <summary>
    /// A session, or with two-factor on a challenge for <see cref="CompleteSignIn"/>. 401 for an
    /// unknown email or a wrong password alike; 423 or 429 while throttled.
    /// </summary>
    Task<SignInAnswer> SignIn(string email, string password, string? clientAddress, string? userAgent = null);

    /// <summary>The second step of a sign-in with two-factor on (see <see cref="IUserGrain.CompleteSignIn"/>); audited either way.</summary>
    Task<SignedIn> CompleteSignIn(string challengeToken, SecondFactor factor, string? clientAddress, string? userAgent = null);

    Task<TwoFactorEnrolment> BeginTwoFactor(Caller caller);

    /// <summary>Turns two-factor on with the password (guesses counted like sign-ins) and a code (audited); the answer is the recovery codes.</summary>
    Task<IReadOnlyList<string>> ConfirmTwoFactor(Caller caller, string password, string code, string? currentSessionId);

    /// <summary>Turns two-factor off with the password (guesses counted like sign-ins) and a code (audited).</summary>
    Task DisableTwoFactor(Caller caller, string password, string code);

    /// <summary>Admin only: resets another account's two-factor sign-in (audited). See <see cref="IUserGrain.ResetTwoFactor"/>.</summary>
    Task<UserView> ResetTwoFactor(Caller admin, string userId);

    Task<SignedIn> Refresh(string refreshToken, string? clientAddress);

    Task SignOut(Caller caller, string? refreshToken);

    Task ChangePassword(Caller caller, string currentPassword, string newPassword);

    /// <summary>A confirmation link was followed (audited). 400 for a token that is malformed, used, expired or not this purpose's.</summary>
    Task<UserView> ConfirmEmail(string token, string? clientAddress);

    /// <summary>Another confirmation mail for the caller; 409 when confirmed already, 429 when asked for too often.</summary>
    Task ResendConfirmation(Caller caller);

    /// <summary>
    /// Sends a reset link if the address has an account. Throttled per address and per client network
    /// (429) whether or not it has; otherwise it answers the same, in the same time, either way.
    /// </summary>
    Task ForgotPassword(string email, string? clientAddress);

    /// <summary>A new password from a reset link: every session ends, the owner is mailed, it is audited. 400 for a bad token or password.</summary>
    Task ResetPassword(string token, string newPassword, string? clientAddress);

    Task<UserView> Me(Caller caller);

    /// <summary>Admin only: create a pharmacist or another admin.</summary>
    Task<UserView> CreateStaff(Caller admin, NewAccount account);

    Task<UserView> VerifyDoctor(Caller admin, string doctorId);

    Task<PagedResult<UserView>> ListUsers(Caller admin, UserQuery query);
}
