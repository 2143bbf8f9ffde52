using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Identity;
using MedPlatform.Storage;
using static MedPlatform.Grains.Tests.Accounts;

namespace MedPlatform.Grains.Tests;

/// <summary>
/// Mailed links: confirming an address and resetting a password. A token works once, for its own
/// purpose and account, until it expires; a bad one is a 400 that changes nothing. The outbox never
/// holds a token: the account issues it as the mail is sent.
/// </summary>
[Collection(nameof(GrainCluster))]
public sealed class MailLinkTests(GrainTestCluster cluster)
{
    private IAccountsGrain Service => cluster.Grains.GetGrain<IAccountsGrain>(0);

    private async Task<string> Token(string userId, MailTokenPurpose purpose) =>
        await cluster.Grains.GetGrain<IUserGrain>(userId).IssueMailToken(purpose, cluster.Clock.GetUtcNow())
        ?? throw new InvalidOperationException("no token issued");

    [Fact]
    public async Task A_new_account_is_unconfirmed_its_queued_mail_holds_no_token_and_the_link_confirms_once()
    {
        var user = await Service.Register(New(), null);
        Assert.False(user.EmailVerified);
        var bodies = await cluster.Database.QueryAsync("SELECT text_body, html_body FROM mail_outbox WHERE mail_key LIKE @key;",
            command => command.Bind("key", $"confirm-email:{user.Id}:%"), reader => reader.GetString(0) + reader.GetString(1));
        Assert.Contains("/verify-email#token={{link-token}}", Assert.Single(bodies), StringComparison.Ordinal);

        var token = await Token(user.Id, MailTokenPurpose.ConfirmEmail);
        Assert.True((await Service.ConfirmEmail(token, null)).EmailVerified);
        await Refused(ProblemKind.Invalid, () => Service.ConfirmEmail(token, null));
        // Confirmed: a mail still waiting in the outbox is dropped rather than sent.
        Assert.Null(await cluster.Grains.GetGrain<IUserGrain>(user.Id).IssueMailToken(MailTokenPurpose.ConfirmEmail, cluster.Clock.GetUtcNow()));
        await Refused(ProblemKind.Conflict, () => Service.ResendConfirmation(user.AsCaller()));
    }

    [Fact]
    public async Task Tampered_foreign_expired_and_malformed_tokens_are_400_and_leave_the_address_unconfirmed()
    {
        var user = await Service.Register(New(), null);
        var other = await Service.Register(New(), null);
        var token = await Token(user.Id, MailTokenPurpose.ConfirmEmail);
        var reset = await Token(user.Id, MailTokenPurpose.ResetPassword);
        var othersToken = await Token(other.Id, MailTokenPurpose.ConfirmEmail);
        var secret = token.Split('.')[1];

        string[] bad =
        [
            token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),     // tampered
            reset,                                           // a reset link's token: another purpose
            $"{user.Id}.{othersToken.Split('.')[1]}",        // another account's secret
            $"{other.Id}.{secret}",                          // this secret sent to another account
            "not-a-token", "", $"{user.Id}.short",
        ];
        foreach (var attempt in bad)
            await Refused(ProblemKind.Invalid, () => Service.ConfirmEmail(attempt, null));
        Assert.False((await cluster.Grains.GetGrain<IUserGrain>(user.Id).Find())!.EmailVerified);

        cluster.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await Refused(ProblemKind.Invalid, () => Service.ConfirmEmail(token, null));
        Assert.False((await cluster.Grains.GetGrain<IUserGrain>(user.Id).Find())!.EmailVerified);
        // A new link, asked for, still works.
        await Service.ResendConfirmation(user.AsCaller());
        Assert.True((await Service.ConfirmEmail(await Token(user.Id, MailTokenPurpose.ConfirmEmail), null)).EmailVerified);
    }

    [Fact]
    public async Task Asking_for_confirmation_mail_again_is_throttled()
    {
        var user = await Service.Register(New(), null);
        for (var i = 0; i < MailRequestLimits.ConfirmationsPerAccount; i++)
            await Service.ResendConfirmation(user.AsCaller());
        var refusal = await Refused(ProblemKind.TooManyRequests, () => Service.ResendConfirmation(user.AsCaller()));
        Assert.InRange(refusal.RetryAfterSeconds!.Value, 1, (int)MailRequestLimits.ConfirmationWindow.TotalSeconds);
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_signs_out_every_device_and_confirms_the_address()
    {
        var email = UniqueEmail();
        var user = await Service.Register(New(email: email), null);
        var session = (await Service.SignIn(email, Password, "10.9.8.7")).Session!;
        var token = await Token(user.Id, MailTokenPurpose.ResetPassword);

        // A weak password is refused without spending the link.
        var weak = await Refused(ProblemKind.Invalid, () => Service.ResetPassword(token, "short", null));
        Assert.Contains("newPassword", weak.Errors!.Keys);
        await Service.ResetPassword(token, "a-reset-password-2026", null);
        await Refused(ProblemKind.Invalid, () => Service.ResetPassword(token, "another-password-2026", null));

        await Refused(ProblemKind.Unauthorized, () => Service.Refresh(session.RefreshToken, null));
        await Refused(ProblemKind.Unauthorized, () => Service.SignIn(email, Password, "10.9.8.7"));
        Assert.True((await Service.SignIn(email, "a-reset-password-2026", "10.9.8.7")).User.EmailVerified);
    }

    [Fact]
    public async Task A_reset_link_expires_after_30_minutes_and_a_stale_or_overtaken_request_gets_no_link()
    {
        var user = await Service.Register(New(), null);
        var grain = cluster.Grains.GetGrain<IUserGrain>(user.Id);
        var token = await Token(user.Id, MailTokenPurpose.ResetPassword);
        cluster.Clock.Advance(TimeSpan.FromMinutes(31));
        await Refused(ProblemKind.Invalid, () => Service.ResetPassword(token, "a-reset-password-2026", null));

        // Asked for three hours ago (the mail server was down since): not sent any more.
        Assert.Null(await grain.IssueMailToken(MailTokenPurpose.ResetPassword, cluster.Clock.GetUtcNow() - TimeSpan.FromHours(3)));
        // Asked for, then the password was changed anyway: the request is overtaken.
        var askedAt = cluster.Clock.GetUtcNow();
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        await grain.ChangePassword(user.AsCaller(), Password, "changed-meanwhile-2026");
        Assert.Null(await grain.IssueMailToken(MailTokenPurpose.ResetPassword, askedAt));
    }

    [Fact]
    public async Task Forgot_password_is_throttled_per_address_and_per_network_whether_or_not_the_address_has_an_account()
    {
        foreach (var email in new[] { (await Service.Register(New(), null)).Email, UniqueEmail("nobody") })
        {
            for (var i = 0; i < MailRequestLimits.ResetsPerAddress; i++)
                await Service.ForgotPassword(email, NewNetwork());
            await Refused(ProblemKind.TooManyRequests, () => Service.ForgotPassword(email, NewNetwork()));
        }

        var network = NewNetwork();
        for (var i = 0; i < MailRequestLimits.ResetsPerNetwork; i++)
            await Service.ForgotPassword(UniqueEmail("someone"), network);
        await Refused(ProblemKind.TooManyRequests, () => Service.ForgotPassword(UniqueEmail("someone"), network));
    }

    [Fact]
    public async Task An_unconfirmed_patient_cannot_ask_or_be_prescribed_for_and_an_unconfirmed_doctor_cannot_be_verified()
    {
        var patient = (await Service.Register(New(), null)).AsCaller();
        var ask = await Refused(ProblemKind.Forbidden, () => cluster.Grains.GetGrain<IThreadGrain>(ThreadIds.New()).Ask(patient, ForumActors.Question()));
        Assert.Equal(ProblemCodes.EmailNotVerified, ask.Code);

        var doctor = await ForumActors.Doctor(cluster);
        var (_, product) = await MallActors.Product(cluster, MallActors.Rx());
        await Refused(ProblemKind.Unprocessable, () => MallActors.Prescribe(cluster, doctor, patient, product.Id));

        var admin = await ForumActors.Staff(cluster, Role.Admin);
        var unconfirmedDoctor = await Service.Register(New(Role.Doctor), null);
        await Refused(ProblemKind.Unprocessable, () => Service.VerifyDoctor(admin, unconfirmedDoctor.Id));
        Assert.False((await cluster.Grains.GetGrain<IUserGrain>(unconfirmedDoctor.Id).Find())!.Verified);
    }

    private static string NewNetwork() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.1";
}
