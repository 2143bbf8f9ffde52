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

        int Count(string email) => Directory.GetFiles(cluster.Mailbox, "*.eml").Count(f => File.ReadAllText(f).Contains(email, StringComparison.OrdinalIgnoreCase));
        await Poll.UntilAsync(() => Task.FromResult(users.All(u => Count(u.Email) >= 1)), TimeSpan.FromSeconds(30), "a mail for each account");
        await Task.Delay(3000); // a second copy from another silo would have landed by now
        Assert.All(users, u => Assert.Equal(1, Count(u.Email)));
    });
}
