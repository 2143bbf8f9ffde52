using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Hosting;
using Microsoft.Extensions.Options;

namespace MedPlatform.Identity;

public sealed class UserGrain(
    [PersistentState("user", StorageNames.Identity)] IPersistentState<UserState> state,
    Passwords passwords,
    UserDirectory directory,
    AuditLog audit,
    TimeProvider clock,
    IOptions<AccountOptions> options) : Grain, IUserGrain
{
    private string Id => this.GetPrimaryKeyString();
    private UserState Account => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The read model converges even if a silo died between saving a change and projecting it.
        if (Account.Exists)
        {
            await directory.Upsert(UserProjection.From(Id, Account));
        }
    }

    public async Task<UserView> Create(NewAccount account)
    {
        if (Account.Exists)
            throw DomainException.Conflict("An account with this id already exists.");
        AccountRules.EnsureValid(account);

        state.State = new UserState
        {
            Email = account.Email.Trim(),
            DisplayName = account.DisplayName.Trim(),
            Role = account.Role,
            Verified = false,
            Department = Blank(account.Department),
            LicenseNumber = Blank(account.LicenseNumber),
            CreatedAt = clock.GetUtcNow(),
            PasswordHash = passwords.Hash(account.Password),
        };
        await SaveAndProject();
        return Account.ToView(Id);
    }

    public Task<UserView?> Find() => Task.FromResult(Account.Exists ? Account.ToView(Id) : null);

    public async Task<SignedIn?> SignIn(string password, string? clientAddress)
    {
        if (!Account.Exists)
        {
            passwords.VerifyAgainstDecoy(password);
            return null;
        }
        var check = passwords.Verify(Account.PasswordHash, password);
        if (check == PasswordCheck.Wrong)
            return null;
        if (check == PasswordCheck.RightButRehash)
            Account.PasswordHash = passwords.Hash(password);

        var signedIn = IssueRefreshToken(Guid.NewGuid().ToString("N"), clientAddress);
        await state.WriteStateAsync();
        return signedIn;
    }

    public async Task<SignedIn> Refresh(string refreshTokenSecret, string? clientAddress)
    {
        var now = clock.GetUtcNow();
        var hash = RefreshTokens.HashOf(refreshTokenSecret);
        var token = Account.Exists ? Account.RefreshTokens.Find(t => t.Hash == hash) : null;
        if (token is null || token.ExpiresAt <= now)
            throw DomainException.Unauthorized("The refresh token is not valid. Sign in again.");

        if (token.UsedAt is not null || token.RevokedAt is not null)
        {
            // A rotated token came back: someone holds a copy. End every session descended from it.
            foreach (var sibling in Account.RefreshTokens.Where(t => t.FamilyId == token.FamilyId && t.RevokedAt is null))
                sibling.RevokedAt = now;
            await state.WriteStateAsync();
            await audit.Record("auth.refresh.reused", actorId: null, target: $"user:{Id}", ip: clientAddress, subjectUserId: Id);
            throw DomainException.Unauthorized("The refresh token is not valid. Sign in again.");
        }

        token.UsedAt = now;
        var signedIn = IssueRefreshToken(token.FamilyId, clientAddress);
        await state.WriteStateAsync();
        return signedIn;
    }

    public async Task SignOut(Caller caller, string? refreshTokenSecret)
    {
        EnsureOwner(caller);
        var now = clock.GetUtcNow();
        var hash = refreshTokenSecret is null ? null : RefreshTokens.HashOf(refreshTokenSecret);
        var signedOut = Account.RefreshTokens
            .Where(t => t.RevokedAt is null && (hash is null || t.Hash == hash))
            .ToList();
        if (hash is not null && signedOut.Count == 1)
        {
            // Signing out one device ends that device's whole chain of rotated tokens.
            signedOut = Account.RefreshTokens.Where(t => t.RevokedAt is null && t.FamilyId == signedOut[0].FamilyId).ToList();
        }
        foreach (var token in signedOut)
            token.RevokedAt = now;
        if (signedOut.Count > 0)
            await state.WriteStateAsync();
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

        var now = clock.GetUtcNow();
        Account.PasswordHash = passwords.Hash(newPassword);
        Account.PasswordChangedAt = now;
        foreach (var token in Account.RefreshTokens.Where(t => t.RevokedAt is null))
            token.RevokedAt = now;
        await state.WriteStateAsync();
    }

    public async Task<UserView> VerifyDoctor(Caller admin)
    {
        if (admin.Role != Role.Admin)
            throw DomainException.Forbidden("Only an administrator may verify a doctor.");
        if (!Account.Exists || Account.Role != Role.Doctor)
            throw DomainException.NotFound("No doctor with this id.");
        if (!Account.Verified)
        {
            Account.Verified = true;
            Account.VerifiedAt = clock.GetUtcNow();
            Account.VerifiedBy = admin.UserId;
            await SaveAndProject();
        }
        return Account.ToView(Id);
    }

    private SignedIn IssueRefreshToken(string familyId, string? clientAddress)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        // Forget tokens nobody can use any more, and retire the oldest sessions beyond the limit.
        Account.RefreshTokens.RemoveAll(t => t.ExpiresAt <= now || (t.RevokedAt ?? t.UsedAt) < now - TimeSpan.FromDays(1));
        var live = Account.RefreshTokens.Where(t => t.IsLive(now)).OrderBy(t => t.IssuedAt).ToList();
        foreach (var stale in live.Take(Math.Max(0, live.Count - settings.MaxSessionsPerUser + 1)))
            stale.RevokedAt = now;

        var secret = RefreshTokens.NewSecret();
        var record = new RefreshTokenRecord
        {
            Hash = RefreshTokens.HashOf(secret),
            FamilyId = familyId,
            IssuedAt = now,
            ExpiresAt = now + settings.RefreshTokenLifetime,
            ClientAddress = clientAddress,
        };
        Account.RefreshTokens.Add(record);
        return new SignedIn(Account.ToView(Id), RefreshTokens.Format(Id, secret), record.ExpiresAt);
    }

    private void EnsureOwner(Caller caller)
    {
        if (!Account.Exists || caller.UserId != Id)
            throw DomainException.NotFound("No such account.");
    }

    private async Task SaveAndProject()
    {
        await state.WriteStateAsync();
        await directory.Upsert(UserProjection.From(Id, Account));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
