using MedPlatform.Common;

namespace MedPlatform.Identity;

/// <summary>One account, keyed by user id. Owns the profile, role, password hash, verification and refresh tokens.</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Opens the account. Refused with 409 if this id already holds an account.</summary>
    Task<UserView> Create(NewAccount account);

    /// <summary>The account, or null when there is none under this id.</summary>
    Task<UserView?> Find();

    /// <summary>
    /// Checks the password and, when it matches, starts a session with a refresh token, or, with
    /// two-factor on, answers a challenge that <see cref="CompleteSignIn"/> turns into one. Null
    /// when it does not match.
    /// </summary>
    Task<SignInAnswer?> SignIn(string password, string? clientAddress, string? userAgent = null);

    /// <summary>
    /// The second step of a sign-in: a challenge from <see cref="SignIn"/> and a code (or a recovery
    /// code, which is then spent and the owner mailed). 401 for a challenge that is unknown, used or
    /// expired; 400 for a wrong code, counted like a wrong password (423 when locked).
    /// </summary>
    Task<SignedIn> CompleteSignIn(string challengeId, string secret, SecondFactor factor, string? clientAddress, string? userAgent = null);

    /// <summary>A new secret to enrol an authenticator app with, not active until confirmed. 409 while two-factor is on.</summary>
    Task<TwoFactorEnrolment> BeginTwoFactor(Caller caller);

    /// <summary>
    /// The password again and a code from the enrolled app turn two-factor on: every other signed-in
    /// device is signed out, the owner is mailed, and the answer is the ten recovery codes, shown once.
    /// </summary>
    Task<IReadOnlyList<string>> ConfirmTwoFactor(Caller caller, string password, string code, string? currentSessionId);

    /// <summary>Turns two-factor off with the password and a code (the owner is mailed). 422 for roles that must keep it.</summary>
    Task DisableTwoFactor(Caller caller, string password, string code);

    /// <summary>
    /// An administrator turns another account's two-factor off (its phone and codes are lost): every
    /// session ends, the owner is mailed, and staff must enrol again at their next sign-in.
    /// </summary>
    Task<UserView> ResetTwoFactor(Caller admin);

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

    /// <summary>
    /// Called by the mail dispatcher as it sends a mail with a link: a new single-use token for
    /// <paramref name="purpose"/> (only its hash is kept), or null when the mail is no longer wanted
    /// (the address is confirmed already, the account is gone, the request is stale).
    /// </summary>
    Task<string?> IssueMailToken(MailTokenPurpose purpose, DateTimeOffset requestedAt);

    /// <summary>The owner followed the confirmation link. 400 for a token that is not one of this account's live ones.</summary>
    Task<UserView> ConfirmEmail(string secret);

    /// <summary>Queues another confirmation mail. 409 when confirmed already; 429 when asked again too soon.</summary>
    Task RequestConfirmationMail(Caller caller);

    /// <summary>Queues a reset link to the account's address (throttling is the caller's business: see IAccountsGrain).</summary>
    Task RequestPasswordReset();

    /// <summary>Sets a new password with a reset link's token: every session ends, the owner is told by mail. 400 for a bad token or password.</summary>
    Task ResetPassword(string secret, string newPassword);

    /// <summary>An admin confirms a doctor's licence. Idempotent.</summary>
    Task<UserView> VerifyDoctor(Caller admin);
}
