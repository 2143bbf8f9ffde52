using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>The mail outbox on MariaDB with several silos sending from it: each message is taken by one silo and lands once.</summary>
[Collection(nameof(ClusterTopology))]
public sealed class MailOnMariaDbTests(ProcessCluster cluster)
{
    [Fact]
    public Task Mail_queued_through_the_cluster_is_sent_once_though_every_silo_works_the_outbox() => cluster.Explain(async () =>
    {
        var client = cluster.Apis[0].NewClient();
        var users = new List<SignedInUser>();
        for (var i = 0; i < 6; i++)
        {
            var user = await client.RegisterAndLoginAsync();
            (await client.PostAsync("/api/me/password", new { currentPassword = "correct-horse-battery", newPassword = "a-brand-new-pass-2026" }, user.AccessToken))
                .Expect(HttpStatusCode.NoContent);
            users.Add(user);
        }

        // Each account was mailed twice: the confirmation link (followed by the test client) and "your password was changed".
        var mailbox = new MailboxFolder(cluster.Mailbox);
        foreach (var user in users)
            await mailbox.WaitForAsync(user.Email, "password was changed");
        await Task.Delay(3000); // a second copy from another silo would have landed by now
        var received = (await mailbox.ReceivedAsync()).Where(m => users.Any(u => m.To.Mailboxes.Any(a => a.Address == u.Email))).ToList();
        Assert.Equal(users.Count * 2, received.Count);
        Assert.Equal(received.Count, received.Select(m => m.MessageId).Distinct().Count());
    });

    [Fact]
    public Task A_silo_killed_while_mail_is_pending_loses_none_of_it() => cluster.Explain(async () =>
    {
        await cluster.EnsureSilosAsync(2);
        var client = cluster.Apis[0].NewClient();
        var users = new List<SignedInUser>();
        for (var i = 0; i < 4; i++)
            users.Add(await client.RegisterAndLoginAsync());
        var mailbox = new MailboxFolder(cluster.Mailbox);

        // The mailbox cannot be written (a file stands where the folder was): every silo's sends fail and the mail waits.
        var aside = cluster.Mailbox + ".aside";
        Directory.Move(cluster.Mailbox, aside);
        await File.WriteAllTextAsync(cluster.Mailbox, "not a folder");
        try
        {
            foreach (var user in users)
                (await client.PostAsync("/api/me/password", new { currentPassword = "correct-horse-battery", newPassword = "a-brand-new-pass-2026" }, user.AccessToken))
                    .Expect(HttpStatusCode.NoContent);
            var unconfirmed = await client.RegisterAndLoginAsync(confirmEmail: false);
            users.Add(unconfirmed);
            await using var database = new MySqlConnector.MySqlConnection(cluster.MariaDb.ConnectionString("medplatform"));
            await database.OpenAsync();
            await using var pending = new MySqlConnector.MySqlCommand("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND attempts > 0;", database);
            await Poll.UntilAsync(async () => Convert.ToInt64(await pending.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 5,
                TimeSpan.FromSeconds(20), "five mails tried and waiting");

            await cluster.LiveSilos[0].KillAsync();
        }
        finally
        {
            File.Delete(cluster.Mailbox);
            Directory.Move(aside, cluster.Mailbox);
        }

        // The surviving silo sends all of it, once each.
        foreach (var user in users.Take(4))
            await mailbox.WaitForAsync(user.Email, "password was changed", within: TimeSpan.FromSeconds(60));
        await mailbox.WaitForAsync(users[4].Email, ApiClient.ConfirmationSubject, within: TimeSpan.FromSeconds(60));
        await Task.Delay(3000);
        var received = (await mailbox.ReceivedAsync()).Where(m => users.Any(u => m.To.Mailboxes.Any(a => a.Address == u.Email))).ToList();
        Assert.Equal(users.Count * 2 - 1, received.Count); // four confirmations and four password changes, and the fifth account's confirmation
        Assert.Equal(received.Count, received.Select(m => m.MessageId).Distinct().Count());
        await cluster.EnsureSilosAsync(2);
    });
}
