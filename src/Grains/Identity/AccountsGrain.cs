using MedPlatform.Hosting;
using MedPlatform.Audit;
using MedPlatform.Common;
using Orleans.Concurrency;

namespace MedPlatform.Identity;

/// <summary>
/// Stateless, so reentrant: while one call waits for a password hash or the database, the
/// worker takes the next instead of queueing every account request behind it.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class AccountsGrain(UserDirectory directory, AuditLog audit, Passwords passwords, Forum.DepartmentCatalog departments, PlatformMetrics metrics,
    PasswordResetRequests resetRequests)
    : Grain, IAccountsGrain
{
    private const string BadCredentials = "The email address or password is incorrect.";
    private const string BadRefreshToken = "The refresh token is not valid. Sign in again.";

    public async Task<UserView> Register(NewAccount account, string? clientAddress)
    {
        // Only the platform's own seeding starts confirmed; anyone registering proves the address with the link.
        account = account with { EmailConfirmed = false };
        if (account.Role is not (Role.Patient or Role.Doctor))
            throw DomainException.Invalid("role", "Register as a patient or a doctor.");
        if (!string.IsNullOrWhiteSpace(account.Department) && !await departments.Exists(account.Department.Trim()))
            throw DomainException.Invalid("department", "Choose one of the forum's departments.");
        var user = await OpenAccount(account);
        await audit.Record("account.registered", user.Id, $"user:{user.Id}", clientAddress);
        return user;
    }

    public async Task<SignInAnswer> SignIn(string email, string password, string? clientAddress, string? userAgent = null)
    {
        var key = AccountRules.EmailKey(email);
        var network = ClientNetworks.Of(clientAddress);
        var networkThrottle = GrainFactory.GetGrain<IAddressThrottleGrain>(network);
        var lockout = GrainFactory.GetGrain<IAccountLockoutGrain>(key);
        await networkThrottle.EnsureAllowed();

        var userId = await GrainFactory.GetGrain<IEmailIndexGrain>(key).Find();
        var user = userId is null ? null : GrainFactory.GetGrain<IUserGrain>(userId);
        await lockout.EnsureAllowed(network, knownNetwork: user is not null && await user.IsKnownNetwork(network));

        SignInAnswer? signedIn;
        if (user is null)
        {
            // An unknown email still pays for a password check, so the answer and its timing
            // are the same as for a wrong password.
            passwords.VerifyAgainstDecoy(password);
            signedIn = null;
        }
        else
        {
            signedIn = await user.SignIn(password, clientAddress, userAgent);
        }

        if (signedIn is null)
        {
            await Task.WhenAll(networkThrottle.RecordFailure(), lockout.RecordFailure(network));
            metrics.LoginFailed();
            await audit.Record("auth.login.failed", actorId: null, target: key, ip: clientAddress, subjectUserId: userId);
            throw DomainException.Unauthorized(BadCredentials);
        }

        await lockout.RecordSuccess(network);
        // With two-factor on, the password alone is not a sign-in: it is recorded as the first step.
        await audit.Record(signedIn.Challenge is null ? "auth.login" : "auth.login.password", signedIn.User.Id, $"user:{signedIn.User.Id}", clientAddress);
        return signedIn;
    }

    public async Task<SignedIn> CompleteSignIn(string challengeToken, SecondFactor factor, string? clientAddress, string? userAgent = null)
    {
        if (!RefreshTokens.TryParse(challengeToken, out var userId, out var challengeId, out var secret))
            throw DomainException.Unauthorized("This sign-in has expired or was completed already. Sign in with your password again.");
        var networkThrottle = GrainFactory.GetGrain<IAddressThrottleGrain>(ClientNetworks.Of(clientAddress));
        await networkThrottle.EnsureAllowed();
        try
        {
            var signedIn = await GrainFactory.GetGrain<IUserGrain>(userId).CompleteSignIn(challengeId, secret, factor, clientAddress, userAgent);
            var how = string.IsNullOrWhiteSpace(factor.RecoveryCode) ? "auth.login" : "auth.login.recovery-code";
            await audit.Record(how, userId, $"user:{userId}", clientAddress);
            return signedIn;
        }
        catch (DomainException refusal) when (refusal.Kind == ProblemKind.Invalid)
        {
            // Wrong codes from one network count against it like wrong passwords, whatever account they name.
            await networkThrottle.RecordFailure();
            metrics.LoginFailed();
            await audit.Record("auth.login.two-factor.failed", actorId: null, target: $"user:{userId}", ip: clientAddress, subjectUserId: userId);
            throw;
        }
    }

    public Task<TwoFactorEnrolment> BeginTwoFactor(Caller caller) => GrainFactory.GetGrain<IUserGrain>(caller.UserId).BeginTwoFactor(caller);

    public async Task<IReadOnlyList<string>> ConfirmTwoFactor(Caller caller, string password, string code, string? currentSessionId)
    {
        IReadOnlyList<string> codes = [];
        await WithPasswordGuessesCounted(caller, "password", "auth.two-factor.enable.failed",
            async user => codes = await user.ConfirmTwoFactor(caller, password, code, currentSessionId));
        await audit.Record("auth.two-factor.enabled", caller.UserId, $"user:{caller.UserId}", caller.ClientAddress);
        return codes;
    }

    public async Task DisableTwoFactor(Caller caller, string password, string code)
    {
        await WithPasswordGuessesCounted(caller, "password", "auth.two-factor.disable.failed", user => user.DisableTwoFactor(caller, password, code));
        await audit.Record("auth.two-factor.disabled", caller.UserId, $"user:{caller.UserId}", caller.ClientAddress);
    }

    public async Task<SignedIn> Refresh(string refreshToken, string? clientAddress)
    {
        if (!RefreshTokens.TryParse(refreshToken, out var userId, out var sessionId, out var secret))
            throw DomainException.Unauthorized(BadRefreshToken);
        return await GrainFactory.GetGrain<IUserGrain>(userId).Refresh(sessionId, secret, clientAddress);
    }

    public async Task SignOut(Caller caller, string? refreshToken)
    {
        string? sessionId = null;
        if (refreshToken is not null)
        {
            // Someone else's or a malformed token signs nothing out, and says nothing about it.
            if (!RefreshTokens.TryParse(refreshToken, out var userId, out sessionId, out _) || userId != caller.UserId)
                return;
        }
        await GrainFactory.GetGrain<IUserGrain>(caller.UserId).SignOut(caller, sessionId);
        await audit.Record(sessionId is null ? "auth.logout.all" : "auth.logout", caller.UserId, $"user:{caller.UserId}", caller.ClientAddress);
    }

    public async Task ChangePassword(Caller caller, string currentPassword, string newPassword)
    {
        await WithPasswordGuessesCounted(caller, "currentPassword", "auth.password.change.failed", user => user.ChangePassword(caller, currentPassword, newPassword));
        await audit.Record("auth.password.changed", caller.UserId, $"user:{caller.UserId}", caller.ClientAddress);
    }

    /// <summary>
    /// Runs an account change that needs the password again: guessing it with a stolen access token
    /// counts like failed sign-ins (and locks the same way). A refusal of <paramref name="passwordField"/> is a guess.
    /// </summary>
    private async Task WithPasswordGuessesCounted(Caller caller, string passwordField, string failureAudited, Func<IUserGrain, Task> change)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(caller.UserId);
        var account = await user.Find() ?? throw DomainException.NotFound("No such account.");
        var network = ClientNetworks.Of(caller.ClientAddress);
        var lockout = GrainFactory.GetGrain<IAccountLockoutGrain>(AccountRules.EmailKey(account.Email));
        await lockout.EnsureAllowed(network, await user.IsKnownNetwork(network));
        try
        {
            await change(user);
        }
        catch (DomainException refusal) when (refusal.Errors?.ContainsKey(passwordField) == true)
        {
            await lockout.RecordFailure(network);
            await audit.Record(failureAudited, caller.UserId, $"user:{caller.UserId}", caller.ClientAddress);
            throw;
        }
        await lockout.RecordSuccess(network);
    }

    public async Task<UserView> ConfirmEmail(string token, string? clientAddress)
    {
        var (userId, secret) = MailLinkTokens.Parse(token);
        var user = await GrainFactory.GetGrain<IUserGrain>(userId).ConfirmEmail(secret);
        await audit.Record("account.email.confirmed", user.Id, $"user:{user.Id}", clientAddress);
        return user;
    }

    public async Task ResendConfirmation(Caller caller)
    {
        await GrainFactory.GetGrain<IRequestThrottleGrain>($"confirm-mail:{caller.UserId}")
            .Take(MailRequestLimits.ConfirmationsPerAccount, MailRequestLimits.ConfirmationWindow,
                "A confirmation mail was sent a moment ago. Look in your inbox (and spam folder) before asking again.");
        await GrainFactory.GetGrain<IUserGrain>(caller.UserId).RequestConfirmationMail(caller);
    }

    public async Task ForgotPassword(string email, string? clientAddress)
    {
        var key = AccountRules.EmailKey(email);
        var network = ClientNetworks.Of(clientAddress);
        await GrainFactory.GetGrain<IRequestThrottleGrain>($"reset-network:{network}")
            .Take(MailRequestLimits.ResetsPerNetwork, MailRequestLimits.ResetNetworkWindow, "Too many password resets were asked for from your network. Try again later.");
        await GrainFactory.GetGrain<IRequestThrottleGrain>($"reset-address:{key}")
            .Take(MailRequestLimits.ResetsPerAddress, MailRequestLimits.ResetAddressWindow,
                "A reset link for this address was sent a moment ago. Look in your inbox (and spam folder) before asking again.");
        // The same work whether or not the address has an account: the lookup happens after the answer.
        await audit.Record("auth.password.reset.requested", actorId: null, target: key, ip: clientAddress);
        resetRequests.Submit(key);
    }

    public async Task ResetPassword(string token, string newPassword, string? clientAddress)
    {
        var (userId, secret) = MailLinkTokens.Parse(token);
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        await user.ResetPassword(secret, newPassword);
        var account = await user.Find();
        // Whoever was locked out by guesses at the old password can sign in with the new one.
        if (account is not null)
            await GrainFactory.GetGrain<IAccountLockoutGrain>(AccountRules.EmailKey(account.Email)).RecordSuccess(ClientNetworks.Of(clientAddress));
        await audit.Record("auth.password.reset", userId, $"user:{userId}", clientAddress, userId);
    }

    public async Task<UserView> Me(Caller caller) =>
        await GrainFactory.GetGrain<IUserGrain>(caller.UserId).Find()
        ?? throw DomainException.NotFound("No such account.");

    public async Task<UserView> CreateStaff(Caller admin, NewAccount account)
    {
        await RoleCheck.EnsureAdmin(GrainFactory, admin);
        if (account.Role is not (Role.Pharmacist or Role.Admin))
            throw DomainException.Invalid("role", "Staff accounts are pharmacists or administrators.");
        account = account with { EmailConfirmed = false };
        var user = await OpenAccount(account);
        await audit.Record("admin.user.created", admin.UserId, $"user:{user.Id} role:{user.Role.ToString().ToLowerInvariant()}", admin.ClientAddress, user.Id);
        return user;
    }

    public async Task<UserView> ResetTwoFactor(Caller admin, string userId)
    {
        await RoleCheck.EnsureAdmin(GrainFactory, admin);
        if (!UserIds.IsCanonical(userId))
            throw DomainException.NotFound("No such account.");
        var user = await GrainFactory.GetGrain<IUserGrain>(userId).ResetTwoFactor(admin);
        await audit.Record("admin.two-factor.reset", admin.UserId, $"user:{userId}", admin.ClientAddress, userId);
        return user;
    }

    public async Task<UserView> VerifyDoctor(Caller admin, string doctorId)
    {
        await RoleCheck.EnsureAdmin(GrainFactory, admin);
        if (!UserIds.IsCanonical(doctorId))
            throw DomainException.NotFound("No doctor with this id.");
        var doctor = await GrainFactory.GetGrain<IUserGrain>(doctorId).VerifyDoctor(admin);
        await audit.Record("admin.doctor.verified", admin.UserId, $"user:{doctor.Id}", admin.ClientAddress, doctor.Id);
        return doctor;
    }

    public async Task<PagedResult<UserView>> ListUsers(Caller admin, UserQuery query)
    {
        await RoleCheck.EnsureAdmin(GrainFactory, admin);
        return await directory.List(query);
    }

    private Task<UserView> OpenAccount(NewAccount account)
    {
        AccountRules.EnsureValid(account);
        return GrainFactory.GetGrain<IEmailIndexGrain>(AccountRules.EmailKey(account.Email)).Register(account);
    }
}
