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
    [Fact]
    public async Task A_password_change_writes_one_mail_to_the_mailbox_folder_with_a_link_to_sign_in()
    {
        var client = api.NewClient();
        var user = await client.RegisterAndLoginAsync();

        (await client.PostAsync("/api/me/password", new { currentPassword = "correct-horse-battery", newPassword = "a-brand-new-pass-2026" }, user.AccessToken))
            .Expect(HttpStatusCode.NoContent);

        var mailbox = Path.Combine(api.DataDirectory, "mailbox");
        IReadOnlyList<MimeMessage> mine = [];
        await Poll.UntilAsync(() =>
        {
            mine = Directory.Exists(mailbox)
                ? Directory.GetFiles(mailbox, "*.eml").Select(path => MimeMessage.Load(path)).Where(m => m.To.Mailboxes.Any(a => a.Address == user.Email)).ToList()
                : [];
            return Task.FromResult(mine.Count > 0);
        }, TimeSpan.FromSeconds(20), "the mail in the mailbox folder");
        await Task.Delay(1500); // a second copy, if any were sent, would have landed by now

        var mail = Assert.Single(Directory.GetFiles(mailbox, "*.eml").Select(path => MimeMessage.Load(path)), m => m.To.Mailboxes.Any(a => a.Address == user.Email));
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
        await WaitForAsync(first.Email, 1);
        var source = await api.Smtp.SourceAsync((await api.Smtp.MessagesAsync()).Single(m => m.ToJsonString().Contains(first.Email, StringComparison.OrdinalIgnoreCase))!["id"]!.GetValue<string>());
        Assert.Contains("Subject: Your MedPlatform password was changed", source, StringComparison.Ordinal);
        Assert.Matches("(?im)^Message-Id: <[0-9a-f]{32}@medplatform>", source);

        // The server goes away; requests keep succeeding and the mail waits in the outbox.
        await api.Smtp.StopAsync();
        var during = new List<SignedInUser>();
        for (var i = 0; i < 3; i++)
        {
            var user = await client.RegisterAndLoginAsync();
            await ChangePasswordAsync(client, user);
            during.Add(user);
        }
        await Task.Delay(3000); // several failed attempts
        await api.Smtp.StartAsync();

        foreach (var user in during)
            await WaitForAsync(user.Email, 1);
        await Task.Delay(2000);
        // The server restarted empty (it keeps mail in memory): what it holds now is what came after the outage, each once.
        var all = await api.Smtp.MessagesAsync();
        Assert.Equal(during.Count, all.Count);
        foreach (var user in during)
            Assert.Single(all, m => m.ToJsonString().Contains(user.Email, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task ChangePasswordAsync(ApiClient client, SignedInUser user) =>
        (await client.PostAsync("/api/me/password", new { currentPassword = "correct-horse-battery", newPassword = "a-brand-new-pass-2026" }, user.AccessToken))
            .Expect(HttpStatusCode.NoContent);

    private async Task WaitForAsync(string email, int count) =>
        await Poll.UntilAsync(async () => (await api.Smtp.MessagesAsync()).Count(m => m.ToJsonString().Contains(email, StringComparison.OrdinalIgnoreCase)) >= count,
            TimeSpan.FromSeconds(30), $"{count} mail to {email}");
}
