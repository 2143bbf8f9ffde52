using System.Net;
using MedPlatform.TestSupport;
using MimeKit;

namespace MedPlatform.Api.Tests;

/// <summary>
/// Mail goes through the durable outbox: with no SMTP server (embedded mode's default) it lands as
/// .eml files in the data directory's mailbox folder; with one, a real SMTP server (smtp4dev)
/// receives it, and an outage of the server loses nothing.
/// </summary>
[Collection(nameof(EmbeddedApi))]
public sealed class MailboxFolderTests(EmbeddedApiFactory api)
{
    private const string PasswordChanged = "password was changed";

    [Fact]
    public async Task A_password_change_writes_one_mail_to_the_mailbox_folder_with_a_link_to_sign_in()
    {
        var client = api.NewClient();
        var user = await client.RegisterAndLoginAsync();

        (await client.PostAsync("/api/me/password", new { currentPassword = "correct-horse-battery", newPassword = "a-brand-new-pass-2026" }, user.AccessToken))
            .Expect(HttpStatusCode.NoContent);

        await api.Mailbox.WaitForAsync(user.Email, PasswordChanged);
        await Task.Delay(1500); // a second copy, if any were sent, would have landed by now

        var mail = Assert.Single(await api.Mailbox.WaitForAsync(user.Email, PasswordChanged));
        Assert.Equal("Your MedPlatform password was changed", mail.Subject);
        Assert.EndsWith("@medplatform", mail.MessageId, StringComparison.Ordinal);
        Assert.Contains("/sign-in", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=", mail.HtmlBody, StringComparison.Ordinal);
    }
}

/// <summary>The Api with a real SMTP server (smtp4dev, started for this collection) and quick retries.</summary>
public sealed class SmtpApiFactory : EmbeddedApiFactory, IAsyncLifetime
{
    public Smtp4devServer Smtp { get; private set; } = null!;

    public async Task InitializeAsync() => Smtp = await Smtp4devServer.StartNewAsync();

    public override IMailbox Mailbox => Smtp;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:From", "MedPlatform tests <no-reply@medplatform.test>");
        builder.UseSetting("Mail:FirstRetryDelay", "00:00:01");
        builder.UseSetting("Mail:MaxRetryDelay", "00:00:02");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(nameof(SmtpApi))]
public sealed class SmtpApi : ICollectionFixture<SmtpApiFactory>;

[Collection(nameof(SmtpApi))]
public sealed class SmtpMailTests(SmtpApiFactory api)
{
    [Fact]
    public async Task A_real_smtp_server_receives_the_mail_once_and_mail_queued_while_it_is_down_arrives_once_when_it_returns()
    {
        var client = api.NewClient();
        var first = await client.RegisterAndLoginAsync();
        await ChangePasswordAsync(client, first);
        var changed = Assert.Single(await api.Smtp.WaitForAsync(first.Email, "password was changed"));
        Assert.Matches("^[0-9a-f]{32}@medplatform$", changed.MessageId);

        // The server goes away; requests keep succeeding and the mail waits in the outbox.
        await api.Smtp.StopAsync();
        var during = new List<SignedInUser>();
        for (var i = 0; i < 3; i++)
        {
            var user = await client.RegisterAndLoginAsync(confirmEmail: false);
            await ChangePasswordAsync(client, user);
            during.Add(user);
        }
        await Task.Delay(3000); // several failed attempts
        await api.Smtp.StartAsync();

        foreach (var user in during)
        {
            await api.Smtp.WaitForAsync(user.Email, ApiClient.ConfirmationSubject);
            await api.Smtp.WaitForAsync(user.Email, "password was changed");
        }
        await Task.Delay(2000);
        // The server restarted empty (it keeps mail in memory): what it holds now is what came after the outage, each once.
        var all = await api.Smtp.ReceivedAsync();
        Assert.Equal(during.Count * 2, all.Count);
        Assert.Equal(all.Count, all.Select(m => m.MessageId).Distinct().Count());
        // A link made as its mail finally went out works.
        foreach (var user in during)
            Assert.True((await client.ConfirmEmailAsync(user.Email))["emailVerified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Registering_delivers_one_confirmation_mail_whose_link_confirms_once_and_then_is_a_400()
    {
        var client = api.NewClient();
        var email = ApiClient.UniqueEmail("confirm");
        var registered = await client.RegisterAsync(email, confirmEmail: false);
        Assert.False(registered["emailVerified"]!.GetValue<bool>());

        var mail = Assert.Single(await api.Smtp.WaitForAsync(email, ApiClient.ConfirmationSubject));
        await Task.Delay(1500); // a second copy, if any were sent, would have landed by now
        Assert.Single(await api.Smtp.WaitForAsync(email, ApiClient.ConfirmationSubject));
        Assert.StartsWith("http://localhost:5080/verify-email#token=", mail.Link(), StringComparison.Ordinal);
        Assert.Contains(mail.LinkToken(), mail.HtmlBody, StringComparison.Ordinal);

        var confirmed = (await client.PostAsync("/api/auth/verify-email", new { token = mail.LinkToken() })).Expect(HttpStatusCode.OK);
        Assert.True(confirmed["emailVerified"]!.GetValue<bool>());
        var again = (await client.PostAsync("/api/auth/verify-email", new { token = mail.LinkToken() })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(again["errors"]!["token"]);
    }

    private static async Task ChangePasswordAsync(ApiClient client, SignedInUser user) =>
        (await client.PostAsync("/api/me/password", new { currentPassword = "correct-horse-battery", newPassword = "a-brand-new-pass-2026" }, user.AccessToken))
            .Expect(HttpStatusCode.NoContent);

}
