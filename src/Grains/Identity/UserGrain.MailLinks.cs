using MedPlatform.Hosting;
using MedPlatform.Common;

namespace MedPlatform.Identity;

/// <summary>
/// The account's mailed links: confirming the address and resetting a forgotten password. A token is
/// issued as its mail is sent (see <see cref="Mail.MailDispatcher"/>), is kept only as a hash, works
/// once, and expires; a few live ones are kept so a mail sent twice (a silo died after sending) still works.
/// </summary>
public sealed partial class UserGrain
{
    private static readonly TimeSpan ConfirmationLinkLifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromMinutes(30);
    /// <summary>A reset asked for longer ago than this when its mail finally goes out (the mail server was down) is not sent.</summary>
    private static readonly TimeSpan ResetRequestsHonouredFor = TimeSpan.FromHours(2);
    private const int LiveTokensPerPurpose = 3;
    private const string BadLink = "This link is not valid: it was used already, it expired, or it was not copied whole. Ask for a new one.";

    public async Task<string?> IssueMailToken(MailTokenPurpose purpose, DateTimeOffset requestedAt)
    {
        if (!Exists)
            return null;
        var now = clock.GetUtcNow();
        var wanted = purpose switch
        {
            MailTokenPurpose.ConfirmEmail => Account.EmailUnconfirmed,
            // A reset that came after the password was changed anyway, or so late it is surely forgotten, is void.
            MailTokenPurpose.ResetPassword => now - requestedAt < ResetRequestsHonouredFor && !(Account.PasswordChangedAt > requestedAt),
            _ => false,
        };
        if (!wanted)
            return null;

        Account.MailTokens.RemoveAll(t => t.ExpiresAt <= now);
        var older = Account.MailTokens.Where(t => t.Purpose == purpose).OrderBy(t => t.IssuedAt).ToList();
        foreach (var oldest in older.Take(Math.Max(0, older.Count - LiveTokensPerPurpose + 1)))
            Account.MailTokens.Remove(oldest);
        var secret = RefreshTokens.NewSecret();
        var lifetime = purpose == MailTokenPurpose.ConfirmEmail ? ConfirmationLinkLifetime : ResetLinkLifetime;
        Account.MailTokens.Add(new MailToken(purpose, RefreshTokens.HashOf(secret), now, now + lifetime));
        await this.Save(state);
        return MailLinkTokens.Format(Id, secret);
    }

    public async Task<UserView> ConfirmEmail(string secret)
    {
        TakeToken(MailTokenPurpose.ConfirmEmail, secret);
        Account.EmailUnconfirmed = false;
        Account.EmailConfirmedAt = clock.GetUtcNow();
        await this.Save(state);
        await Project();
        return Account.ToView(Id);
    }

    public async Task RequestConfirmationMail(Caller caller)
    {
        EnsureOwner(caller);
        if (!Account.EmailUnconfirmed)
            throw DomainException.Conflict("Your email address is confirmed already.");
        await QueueConfirmationMail();
        await this.Save(state);
    }

    public async Task RequestPasswordReset()
    {
        if (Exists)
            await mail.Enqueue(AccountMail.ResetPassword(Id, Account.Email!, Account.DisplayName, clock.GetUtcNow(), app.Value.PublicUrl));
    }

    public async Task ResetPassword(string secret, string newPassword)
    {
        if (!HoldsToken(MailTokenPurpose.ResetPassword, secret))
            throw DomainException.Invalid("token", BadLink);
        // The password is checked before the token is spent, so a weak one can be corrected with the same link.
        if (AccountRules.PasswordError(newPassword, Account.Email) is { } error)
            throw DomainException.Invalid("newPassword", error);
        TakeToken(MailTokenPurpose.ResetPassword, secret);

        var now = SetPassword(newPassword);
        // The link reached the owner at this address: that confirms it as well as a confirmation link would.
        if (Account.EmailUnconfirmed)
        {
            Account.EmailUnconfirmed = false;
            Account.EmailConfirmedAt = now;
        }
        await this.Save(state);
        await Project();
        await AnnouncePasswordChange();
    }

    /// <summary>Queues a confirmation mail under a key of its own (the account's creation time and the count), before the count is saved.</summary>
    private Task QueueConfirmationMail()
    {
        Account.ConfirmationMailsQueued++;
        var key = $"confirm-email:{Id}:{Account.CreatedAt.ToUnixTimeMilliseconds()}:{Account.ConfirmationMailsQueued}";
        return mail.Enqueue(AccountMail.ConfirmEmail(key, Id, Account.Email!, Account.DisplayName, app.Value.PublicUrl));
    }

    /// <summary>Spends a live token of this purpose, with every other of its purpose; 400 when the secret matches none.</summary>
    private void TakeToken(MailTokenPurpose purpose, string secret)
    {
        if (!HoldsToken(purpose, secret))
            throw DomainException.Invalid("token", BadLink);
        Account.MailTokens.RemoveAll(t => t.Purpose == purpose);
    }

    private bool HoldsToken(MailTokenPurpose purpose, string secret)
    {
        var now = clock.GetUtcNow();
        return Exists && Account.MailTokens.Any(t => t.Purpose == purpose && t.ExpiresAt > now && RefreshTokens.Matches(secret, t.Hash));
    }
}
