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

/// <summary>The admin's mailbox page: what the folder holds, links and all, for an operator with no mail server; audited.</summary>
[Collection(nameof(EmbeddedApi))]
public sealed class MailboxPageTests(EmbeddedApiFactory api)
{
    [Fact]
    public async Task An_admin_reads_the_mailbox_folder_with_its_links_and_the_look_is_audited()
    {
        var client = api.NewClient();
        var email = ApiClient.UniqueEmail("mailbox");
        var patient = await client.RegisterAsync(email, confirmEmail: false);
        await api.Mailbox.WaitForAsync(email, ApiClient.ConfirmationSubject);
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);

        var page = (await client.GetAsync($"/api/admin/mailbox?to={Uri.EscapeDataString(email)}", admin.AccessToken)).Expect(HttpStatusCode.OK);
        var mail = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal(email, mail.Str("to"));
        var link = Assert.Single(mail["links"]!.AsArray())!.GetValue<string>();
        Assert.Contains("/verify-email#token=", link, StringComparison.Ordinal);
        // The link works as it is shown.
        (await client.PostAsync("/api/auth/verify-email", new { token = link[(link.IndexOf("#token=", StringComparison.Ordinal) + 7)..] })).Expect(HttpStatusCode.OK);

        var audit = (await client.GetAsync($"/api/admin/audit?userId={admin.Id}&action=admin.mailbox.viewed", admin.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Contains(audit["items"]!.AsArray(), e => e!.Str("target") == $"mailbox to:{email}");
        var signedIn = await client.LoginAsync(email);
        (await client.GetAsync("/api/admin/mailbox", signedIn.AccessToken)).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal(patient.Str("id"), signedIn.Id);
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
    public async Task A_real_smtp_server_stopped_for_60_s_while_accounts_register_and_orders_move_fails_no_request_and_every_mail_arrives_once()
    {
        var client = api.NewClient();
        var first = await client.RegisterAndLoginAsync();
        await ChangePasswordAsync(client, first);
        var changed = Assert.Single(await api.Smtp.WaitForAsync(first.Email, "password was changed"));
        Assert.Matches("^[0-9a-f]{32}@medplatform$", changed.MessageId);

        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);
        var product = await MallActors.CreateProductAsync(client, admin, MallActors.NewProduct("Outage vitamins", stock: 10_000));
        var shoppers = new[] { await client.RegisterAndLoginAsync(), await client.RegisterAndLoginAsync() };

        // The server goes away for a minute; requests keep succeeding and the mail waits in the outbox.
        await api.Smtp.StopAsync();
        var expected = new List<(string To, string Subject)>();
        var failures = new List<string>();
        var outage = System.Diagnostics.Stopwatch.StartNew();
        for (var round = 0; outage.Elapsed < TimeSpan.FromSeconds(60); round++)
        {
            var user = await client.RegisterAndLoginAsync(confirmEmail: false);
            var password = await client.PostAsync("/api/me/password", new { currentPassword = "correct-horse-battery", newPassword = "a-brand-new-pass-2026" }, user.AccessToken);
            expected.Add((user.Email, ApiClient.ConfirmationSubject));
            expected.Add((user.Email, "password was changed"));
            var shopper = shoppers[round % shoppers.Length];
            await client.PutInCartAsync(shopper, product, 1);
            var checkout = await client.CheckoutAsync(shopper);
            if (password.Status != HttpStatusCode.NoContent) failures.Add($"password: {password.Status}");
            if (checkout.Status != HttpStatusCode.Accepted) failures.Add($"checkout: {checkout.Status} {checkout.Body}");
            else expected.Add((shopper.Email, $"Order {checkout.Json.Str("orderNumber")} is paid"));
            await Task.Delay(1000);
        }
        Assert.Empty(failures);
        await api.Smtp.StartAsync();

        // The server restarted empty (it keeps mail in memory): what it holds now is what came after the outage, each once.
        IReadOnlyList<MimeMessage> arrived = [];
        try
        {
            await Poll.UntilAsync(async () => (arrived = await api.Smtp.ReceivedAsync()).Count >= expected.Count, TimeSpan.FromSeconds(60),
                $"{expected.Count} mails after the outage");
        }
        catch (TimeoutException e)
        {
            var missing = expected.Where(x => !arrived.Any(m => m.To.Mailboxes.Any(a => a.Address == x.To) && (m.Subject ?? "").Contains(x.Subject, StringComparison.Ordinal)));
            throw new TimeoutException($"{e.Message} {arrived.Count} arrived; missing: {string.Join("; ", missing.Take(10))}", e);
        }
        await Task.Delay(2000);
        var all = await api.Smtp.ReceivedAsync();
        Console.WriteLine($"SMTP server stopped for {outage.Elapsed.TotalSeconds:0} s: {expected.Count / 3} rounds of requests, 0 failed; {all.Count} mails after it returned, {all.Select(m => m.MessageId).Distinct().Count()} distinct Message-Ids");
        Assert.Equal(expected.Count, all.Count);
        Assert.Equal(all.Count, all.Select(m => m.MessageId).Distinct().Count());
        foreach (var (to, subject) in expected)
            Assert.Single(all, m => m.To.Mailboxes.Any(a => a.Address == to) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal));
        // A link made as its mail finally went out works.
        Assert.True((await client.ConfirmEmailAsync(expected[0].To))["emailVerified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task With_an_smtp_server_the_mailbox_page_says_where_mail_goes()
    {
        var client = api.NewClient();
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);
        var refused = (await client.GetAsync("/api/admin/mailbox", admin.AccessToken)).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Contains("SMTP server", refused.Str("detail"), StringComparison.Ordinal);
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
