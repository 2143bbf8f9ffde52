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
}
