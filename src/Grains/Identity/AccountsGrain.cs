using MedPlatform.Audit;
using MedPlatform.Common;
using Orleans.Concurrency;

namespace MedPlatform.Identity;

[StatelessWorker]
public sealed class AccountsGrain(UserDirectory directory, AuditLog audit, Passwords passwords) : Grain, IAccountsGrain
{
    private const string BadCredentials = "The email address or password is incorrect.";

    public async Task<UserView> Register(NewAccount account, string? clientAddress)
    {
        if (account.Role is not (Role.Patient or Role.Doctor))
            throw DomainException.Invalid("role", "Register as a patient or a doctor.");
        var user = await OpenAccount(account);
        await audit.Record("account.registered", user.Id, $"user:{user.Id}", clientAddress);
        return user;
    }

    public async Task<SignedIn> SignIn(string email, string password, string? clientAddress)
    {
        var normalized = AccountRules.NormalizeEmail(email);
        var addressThrottle = GrainFactory.GetGrain<IAddressThrottleGrain>(clientAddress ?? "unknown");
        var lockout = GrainFactory.GetGrain<IAccountLockoutGrain>(normalized);
        await addressThrottle.EnsureAllowed();
        await lockout.EnsureAllowed(clientAddress);

        var userId = await GrainFactory.GetGrain<IEmailIndexGrain>(normalized).Find();
        SignedIn? signedIn = null;
        if (userId is null)
        {
            // An unknown email still pays for a password check, so the answer and its timing
            // are the same as for a wrong password.
            passwords.VerifyAgainstDecoy(password);
        }
        else
        {
            signedIn = await GrainFactory.GetGrain<IUserGrain>(userId).SignIn(password, clientAddress);
        }
        if (signedIn is null)
        {
            await Task.WhenAll(addressThrottle.RecordFailure(), lockout.RecordFailure(clientAddress));
            await audit.Record("auth.login.failed", actorId: null, target: $"email:{normalized}", ip: clientAddress, subjectUserId: userId);
            throw DomainException.Unauthorized(BadCredentials);
        }

        await lockout.RecordSuccess(clientAddress);
        await audit.Record("auth.login", signedIn.User.Id, $"user:{signedIn.User.Id}", clientAddress);
        return signedIn;
    }

    public async Task<SignedIn> Refresh(string refreshToken, string? clientAddress)
    {
        if (!RefreshTokens.TryParse(refreshToken, out var userId, out var secret))
            throw DomainException.Unauthorized("The refresh token is not valid. Sign in again.");
        return await GrainFactory.GetGrain<IUserGrain>(userId).Refresh(secret, clientAddress);
    }

    public async Task SignOut(Caller caller, string? refreshToken)
    {
        string? secret = null;
        if (refreshToken is not null)
        {
            // Someone else's or a malformed token signs nothing out, and says nothing about it.
            if (!RefreshTokens.TryParse(refreshToken, out var userId, out secret) || userId != caller.UserId)
                return;
        }
        await GrainFactory.GetGrain<IUserGrain>(caller.UserId).SignOut(caller, secret);
        await audit.Record(secret is null ? "auth.logout.all" : "auth.logout", caller.UserId, $"user:{caller.UserId}", caller.ClientAddress);
    }

    public async Task ChangePassword(Caller caller, string currentPassword, string newPassword)
    {
        await GrainFactory.GetGrain<IUserGrain>(caller.UserId).ChangePassword(caller, currentPassword, newPassword);
        await audit.Record("auth.password.changed", caller.UserId, $"user:{caller.UserId}", caller.ClientAddress);
    }

    public async Task<UserView> Me(Caller caller) =>
        await GrainFactory.GetGrain<IUserGrain>(caller.UserId).Find()
        ?? throw DomainException.NotFound("No such account.");

    public async Task<UserView> CreateStaff(Caller admin, NewAccount account)
    {
        await AdminCheck.Ensure(GrainFactory, admin);
        if (account.Role is not (Role.Pharmacist or Role.Admin))
            throw DomainException.Invalid("role", "Staff accounts are pharmacists or administrators.");
        var user = await OpenAccount(account);
        await audit.Record("admin.user.created", admin.UserId, $"user:{user.Id} role:{user.Role.ToString().ToLowerInvariant()}", admin.ClientAddress, user.Id);
        return user;
    }

    public async Task<UserView> VerifyDoctor(Caller admin, string doctorId)
    {
        await AdminCheck.Ensure(GrainFactory, admin);
        var doctor = await GrainFactory.GetGrain<IUserGrain>(doctorId).VerifyDoctor(admin);
        await audit.Record("admin.doctor.verified", admin.UserId, $"user:{doctor.Id}", admin.ClientAddress, doctor.Id);
        return doctor;
    }

    public async Task<PagedResult<UserView>> ListUsers(Caller admin, UserQuery query)
    {
        await AdminCheck.Ensure(GrainFactory, admin);
        return await directory.List(query);
    }

    private Task<UserView> OpenAccount(NewAccount account)
    {
        AccountRules.EnsureValid(account);
        return GrainFactory.GetGrain<IEmailIndexGrain>(AccountRules.NormalizeEmail(account.Email)).Register(account);
    }
}
