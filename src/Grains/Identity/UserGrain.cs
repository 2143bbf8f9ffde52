using MedPlatform.Notifications;
using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedPlatform.Identity;

public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.Identity)] IPersistentState<UserState> state,
    Passwords passwords,
    UserDirectory directory,
    AuditLog audit,
    PlatformClock clock,
    IOptions<AccountOptions> options,
    MailOutbox mail,
    IOptions<AppOptions> app,
    Notifier notifier,
    TwoFactorCodes twoFactor,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private const int KnownNetworksKept = 10;
    /// <summary>A change older than this when first noticed untold (one made before mail existed) is not announced any more.</summary>
    private static readonly TimeSpan AnnounceWithin = TimeSpan.FromDays(1);

    private string Id => this.GetPrimaryKeyString();
    private UserState Account => state.State;
    private bool Exists => Account.Exists && UserIds.IsCanonical(Id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The read model converges even if a silo died between saving a change and projecting it.
        if (!Exists)
            return;
        await Project();
        // A change whose mail was not queued (the silo died in between) is announced now.
        if (Account.PasswordChangedAt is { } changed && changed != Account.PasswordChangeAnnouncedAt && clock.GetUtcNow() - changed < AnnounceWithin)
        {
            try
            {
                await AnnouncePasswordChange();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogAnnounceFailed(e, Id);
            }
        }
    }

    public async Task<UserView> Create(NewAccount account)
    {
        if (!UserIds.IsCanonical(Id))
            throw new ArgumentException($"'{Id}' is not a user id.");
        if (Account.Exists)
            throw DomainException.Conflict("An account with this id already exists.");
        AccountRules.EnsureValid(account);

        state.State = new UserState
        {
            Email = account.Email.Trim(),
            DisplayName = account.DisplayName.Trim(),
            Role = account.Role,
            Department = Blank(account.Department),
            LicenseNumber = Blank(account.LicenseNumber),
            CreatedAt = clock.GetUtcNow(),
            PasswordHash = passwords.Hash(account.Password),
            EmailUnconfirmed = !account.EmailConfirmed,
        };
        // Queued before the account is saved: if saving fails, the dispatcher finds no account and drops the mail.
        try
        {
            if (Account.EmailUnconfirmed)
                await QueueConfirmationMail();
            await this.Save(state);
        }
        catch
        {
            // Nothing was saved: this activation must not go on holding an account that does not exist.
            state.State = new UserState();
            DeactivateOnIdle();
            throw;
        }
        await Project();
        return Account.ToView(Id);
    }

    public Task<UserView?> Find() => Task.FromResult(Exists ? Account.ToView(Id) : null);

    public Task<bool> IsKnownNetwork(string network) =>
        Task.FromResult(Exists && Account.KnownNetworks.Any(known => known.Network == network));

    public async Task<SignInAnswer?> SignIn(string password, string? clientAddress, string? userAgent = null)
    {
        if (!Exists)
        {
            passwords.VerifyAgainstDecoy(password);
            return null;
        }
        var check = passwords.Verify(Account.PasswordHash, password);
        if (check == PasswordCheck.Wrong)
            return null;
        if (check == PasswordCheck.RightButRehash)
            Account.PasswordHash = passwords.Hash(password);

        if (Account.TwoFactor.IsOn)
        {
            var challenge = StartChallenge();
            await this.Save(state);
            return new SignInAnswer(Account.ToView(Id), null, challenge);
        }
        var signedIn = SignedInOnThisDevice(clientAddress, userAgent);
        await this.Save(state);
        return new SignInAnswer(signedIn.User, signedIn, null);
    }

    /// <summary>A new session for the device signing in, remembered with its network (save the state).</summary>
    private SignedIn SignedInOnThisDevice(string? clientAddress, string? userAgent)
    {
        RememberNetwork(ClientNetworks.Of(clientAddress));
        var (session, secret) = StartSession(clientAddress);
        session.UserAgent = userAgent is { Length: > MaxUserAgent } ? userAgent[..MaxUserAgent] : userAgent;
        return Issued(session, secret);
    }

    public Task<IReadOnlyList<SessionView>> Sessions(Caller caller, string? currentSessionId)
    {
        EnsureOwner(caller);
        var now = clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<SessionView>>(Account.Sessions.Where(s => s.IsLive(now)).OrderByDescending(s => s.RefreshedAt)
            .Select(s => new SessionView(s.Id, s.StartedAt, s.RefreshedAt, s.ClientAddress, s.UserAgent, s.Id == currentSessionId)).ToList());
    }

    public async Task<SignedIn> Refresh(string sessionId, string secret, string? clientAddress)
    {
        var now = clock.GetUtcNow();
        var session = Exists ? Account.Sessions.Find(s => s.Id == sessionId) : null;
        if (session is null || !session.IsLive(now))
            throw DomainException.Unauthorized("The refresh token is not valid. Sign in again.");

        if (!RefreshTokens.Matches(secret, session.CurrentTokenHash))
        {
            // An earlier token of this session came back: someone holds a copy. End the session.
            session.RevokedAt = now;
            await this.Save(state);
            await audit.Record("auth.refresh.reused", actorId: null, target: $"user:{Id} session:{session.Id}", ip: clientAddress, subjectUserId: Id);
            throw DomainException.Unauthorized("The refresh token is not valid. Sign in again.");
        }

        var next = RefreshTokens.NewSecret();
        session.CurrentTokenHash = RefreshTokens.HashOf(next);
        session.RefreshedAt = now;
        session.ExpiresAt = now + options.Value.RefreshTokenLifetime;
        session.ClientAddress = clientAddress;
        await this.Save(state);
        return Issued(session, next);
    }

    /// <summary>Enough to tell browsers and apps apart; longer ones are cut.</summary>
    private const int MaxUserAgent = 300;

    public async Task SignOut(Caller caller, string? sessionId)
    {
        EnsureOwner(caller);
        var now = clock.GetUtcNow();
        var ending = Account.Sessions.Where(s => s.RevokedAt is null && (sessionId is null || s.Id == sessionId)).ToList();
        foreach (var session in ending)
            session.RevokedAt = now;
        if (ending.Count > 0)
            await this.Save(state);
    }

    public async Task ChangePassword(Caller caller, string currentPassword, string newPassword)
    {
        EnsureOwner(caller);
        if (passwords.Verify(Account.PasswordHash, currentPassword) == PasswordCheck.Wrong)
            throw DomainException.Invalid("currentPassword", "The current password is not correct.");
        if (AccountRules.PasswordError(newPassword, Account.Email) is { } error)
            throw DomainException.Invalid("newPassword", error);
        if (passwords.Verify(Account.PasswordHash, newPassword) != PasswordCheck.Wrong)
            throw DomainException.Invalid("newPassword", "Choose a password different from the current one.");

        SetPassword(newPassword);
        await this.Save(state);
        await AnnouncePasswordChange();
    }

    /// <summary>A new password signs out every device: whoever knew the old one may hold a session.</summary>
    private DateTimeOffset SetPassword(string newPassword)
    {
        var now = clock.GetUtcNow();
        Account.PasswordHash = passwords.Hash(newPassword);
        Account.PasswordChangedAt = now;
        foreach (var session in Account.Sessions.Where(s => s.RevokedAt is null))
            session.RevokedAt = now;
        // A reset link mailed before the change (perhaps to a mailbox someone else reads) opens nothing any more,
        // and neither does a sign-in the old password began.
        Account.MailTokens.RemoveAll(t => t.Purpose == MailTokenPurpose.ResetPassword);
        Account.SignInChallenges.Clear();
        return now;
    }

    /// <summary>Queues the "your password was changed" mail (keyed on the change, so queued once however often this runs) and remembers it was.</summary>
    private async Task AnnouncePasswordChange()
    {
        var changed = Account.PasswordChangedAt!.Value;
        await mail.Enqueue(AccountMail.PasswordChanged(Id, Account.Email!, Account.DisplayName, changed, app.Value.PublicUrl));
        Account.PasswordChangeAnnouncedAt = changed;
        await this.Save(state);
    }

    public async Task<UserView> VerifyDoctor(Caller admin)
    {
        if (admin.Role != Role.Admin)
            throw DomainException.Forbidden("Only an administrator may verify a doctor.");
        if (!Exists || Account.Role != Role.Doctor)
            throw DomainException.NotFound("No doctor with this id.");
        if (!Account.Verified)
        {
            // A licence is checked against a person reachable at the address the account gives.
            if (Account.EmailUnconfirmed)
                throw DomainException.Unprocessable($"{Account.DisplayName} has not confirmed their email address yet. Verify the licence once they have.");
            Account.Verified = true;
            Account.VerifiedAt = clock.GetUtcNow();
            Account.VerifiedBy = admin.UserId;
            await this.Save(state);
            await notifier.Tell(Id, new NewNotification($"doctor-verified:{Id}", NotificationKind.DoctorVerified,
                "Your licence is verified", "An administrator verified your licence: you can now answer patients' questions and prescribe.", "/forum"));
        }
        // Also when already verified: a retry repairs a projection that failed the first time.
        await Project();
        return Account.ToView(Id);
    }

    private (Session Session, string Secret) StartSession(string? clientAddress)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        // Forget sessions nobody can use any more; retire the oldest live ones beyond the limit.
        Account.Sessions.RemoveAll(s => s.ExpiresAt <= now);
        var live = Account.Sessions.Where(s => s.IsLive(now)).OrderBy(s => s.RefreshedAt).ToList();
        foreach (var oldest in live.Take(Math.Max(0, live.Count - settings.MaxSessionsPerUser + 1)))
            oldest.RevokedAt = now;
        var revoked = Account.Sessions.Where(s => s.RevokedAt is not null).OrderBy(s => s.RevokedAt).ToList();
        foreach (var forgotten in revoked.Take(Math.Max(0, revoked.Count - settings.MaxSessionsPerUser)))
            Account.Sessions.Remove(forgotten);

        var secret = RefreshTokens.NewSecret();
        var session = new Session
        {
            Id = UserIds.New(),
            CurrentTokenHash = RefreshTokens.HashOf(secret),
            StartedAt = now,
            RefreshedAt = now,
            ExpiresAt = now + settings.RefreshTokenLifetime,
            ClientAddress = clientAddress,
        };
        Account.Sessions.Add(session);
        return (session, secret);
    }

    private SignedIn Issued(Session session, string secret) =>
        new(Account.ToView(Id), RefreshTokens.Format(Id, session.Id, secret), session.ExpiresAt);

    private void RememberNetwork(string network)
    {
        if (network == ClientNetworks.Unknown)
            return;
        Account.KnownNetworks.RemoveAll(known => known.Network == network);
        Account.KnownNetworks.Insert(0, new KnownNetwork(network, clock.GetUtcNow()));
        if (Account.KnownNetworks.Count > KnownNetworksKept)
            Account.KnownNetworks.RemoveRange(KnownNetworksKept, Account.KnownNetworks.Count - KnownNetworksKept);
    }

    private void EnsureOwner(Caller caller)
    {
        if (!Exists || caller.UserId != Id)
            throw DomainException.NotFound("No such account.");
    }

    private Task Project() => this.Project(() => directory.Upsert(UserProjection.From(Id, Account)), logger);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: the mail telling of a password change could not be queued; it is tried when the account next wakes")]
    private partial void LogAnnounceFailed(Exception exception, string userId);
}
