using MedPlatform.Hosting;
using MedPlatform.Mail;
using Microsoft.Extensions.Time.Testing;

namespace MedPlatform.Grains.Tests;

/// <summary>The outbox's promises: a key is queued once, a message is held by one sender at a time, and a failed one waits before it is tried again.</summary>
[Collection(nameof(GrainCluster))]
public sealed class MailOutboxTests(GrainTestCluster cluster)
{
    /// <summary>Other tests' accounts queue confirmation mail in the same outbox, due long before this test's far-ahead clock: take them all.</summary>
    private const int AllDue = 100_000;

    [Fact]
    public async Task A_key_queues_one_message_that_one_sender_holds_until_sent_or_failed_and_a_failure_waits_its_delay()
    {
        // A clock of its own, set far ahead of other tests' rows, so only this test's messages are due.
        var time = new FakeTimeProvider(new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var outbox = new MailOutbox(cluster.Database, new PlatformClock(time));
        var key = $"test:{Guid.NewGuid():N}";
        var mail = new OutgoingMail(key, "pat@example.test", "Hello", "Text", "<p>Html</p>");

        await outbox.Enqueue(mail);
        await outbox.Enqueue(mail with { Subject = "A second try to queue it" });

        var taken = (await outbox.Take(AllDue, TimeSpan.FromMinutes(1))).Where(p => p.Mail.Key == key).ToList();
        Assert.Equal("Hello", Assert.Single(taken).Mail.Subject);
        Assert.DoesNotContain(await outbox.Take(AllDue, TimeSpan.FromMinutes(1)), p => p.Mail.Key == key); // held by the first sender

        await outbox.Failed(key, TimeSpan.FromSeconds(30), "Connection refused");
        Assert.DoesNotContain(await outbox.Take(AllDue, TimeSpan.FromMinutes(1)), p => p.Mail.Key == key); // waiting its delay
        time.Advance(TimeSpan.FromSeconds(31));
        var again = Assert.Single(await outbox.Take(AllDue, TimeSpan.FromMinutes(1)), p => p.Mail.Key == key);
        Assert.Equal(1, again.Attempts);

        // A sender that dies while holding it: another takes it when the lease ends.
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Single(await outbox.Take(AllDue, TimeSpan.FromMinutes(1)), p => p.Mail.Key == key);

        await outbox.Sent([key]);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.DoesNotContain(await outbox.Take(AllDue, TimeSpan.FromMinutes(1)), p => p.Mail.Key == key);
        Assert.Equal(OutgoingMail.MessageIdFor(key), mail.MessageId);
    }
}
