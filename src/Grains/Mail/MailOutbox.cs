using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Mail;

/// <summary>The durable outbox in the platform database: mail is queued here by the change that causes it, and sent by <see cref="MailDispatcher"/>.</summary>
public sealed class MailOutbox([FromKeyedServices(Databases.Platform)] SqlDatabase database, PlatformClock clock)
{
    public sealed record Pending(OutgoingMail Mail, int Attempts, DateTimeOffset CreatedAt);

    private bool MySql => database.Dialect == SqlDialect.MySql;

    /// <summary>Released when this silo queues mail, so its dispatcher sends at once instead of at its next look.</summary>
    private readonly SemaphoreSlim queued = new(0, 1);

    /// <summary>Queues the message unless its key is queued already (sent or not): idempotent.</summary>
    public async Task Enqueue(OutgoingMail mail)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await database.ExecuteAsync(
            $"""
            INSERT {(MySql ? "IGNORE" : "OR IGNORE")} INTO mail_outbox (mail_key, message_id, recipient, subject, text_body, html_body, link_user, link_purpose, link_scope, created_at, next_attempt_at)
            VALUES (@key, @messageId, @to, @subject, @text, @html, @linkUser, @linkPurpose, @linkScope, @now, @now);
            """,
            command => command.Bind("key", mail.Key).Bind("messageId", mail.MessageId).Bind("to", mail.To).Bind("subject", mail.Subject)
                .Bind("text", mail.Text).Bind("html", mail.Html).Bind("linkUser", mail.Link?.UserId).Bind("linkPurpose", (int?)mail.Link?.Purpose)
                .Bind("linkScope", mail.Link?.Scope).Bind("now", now));
        if (queued.CurrentCount == 0)
        {
            try { queued.Release(); } catch (SemaphoreFullException) { } // another enqueue woke it first
        }
    }

    /// <summary>Waits until mail is queued on this silo or <paramref name="timeout"/> passes.</summary>
    public Task<bool> WaitForQueued(TimeSpan timeout, CancellationToken cancellation) => queued.WaitAsync(timeout, cancellation);

    /// <summary>Takes up to <paramref name="count"/> due messages for this silo for <paramref name="lease"/>: no other silo sends them meanwhile.</summary>
    public async Task<IReadOnlyList<Pending>> Take(int count, TimeSpan lease)
    {
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        const string due = "sent_at IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)";
        // MariaDB cannot update a table it selects from in a subquery; SQLite has no UPDATE … LIMIT.
        var take = MySql
            ? $"UPDATE mail_outbox SET lease_token = @token, lease_until = @until WHERE {due} ORDER BY next_attempt_at LIMIT @count;"
            : $"UPDATE mail_outbox SET lease_token = @token, lease_until = @until WHERE mail_key IN (SELECT mail_key FROM mail_outbox WHERE {due} ORDER BY next_attempt_at LIMIT @count);";
        await database.ExecuteAsync(take, command => command.Bind("token", token).Bind("until", (now + lease).ToUnixTimeMilliseconds())
            .Bind("now", now.ToUnixTimeMilliseconds()).Bind("count", count));
        return await database.QueryAsync(
            "SELECT mail_key, recipient, subject, text_body, html_body, attempts, created_at, link_user, link_purpose, link_scope FROM mail_outbox WHERE lease_token = @token AND sent_at IS NULL;",
            command => command.Bind("token", token),
            reader => new Pending(
                new OutgoingMail(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(7) ? null : new MailLink(reader.GetString(7), (MedPlatform.Identity.MailTokenPurpose)reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetString(9))),
                (int)reader.GetInt64(5), reader.GetUnixMilliseconds(6)));
    }

    /// <summary>Marks a batch sent, in one statement.</summary>
    public Task Sent(IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
            return Task.CompletedTask;
        var names = string.Join(", ", keys.Select((_, i) => $"@key{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        return database.ExecuteAsync(
            $"UPDATE mail_outbox SET sent_at = @now, lease_token = NULL, lease_until = NULL, attempts = attempts + 1, last_error = NULL WHERE mail_key IN ({names});",
            command =>
            {
                command.Bind("now", clock.GetUtcNow().ToUnixTimeMilliseconds());
                for (var i = 0; i < keys.Count; i++)
                    command.Bind($"key{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}", keys[i]);
            });
    }

    /// <summary>Not sent, and never to be: what it asked for is done or void (an address confirmed meanwhile). The reason is kept.</summary>
    public Task Dropped(string key, string reason) =>
        database.ExecuteAsync("UPDATE mail_outbox SET sent_at = @now, lease_token = NULL, lease_until = NULL, last_error = @reason WHERE mail_key = @key;",
            command => command.Bind("key", key).Bind("now", clock.GetUtcNow().ToUnixTimeMilliseconds()).Bind("reason", reason));

    /// <summary>Sending failed: tried again after <paramref name="retryAfter"/>.</summary>
    public Task Failed(string key, TimeSpan retryAfter, string error) =>
        database.ExecuteAsync(
            "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = @next, lease_token = NULL, lease_until = NULL, last_error = @error WHERE mail_key = @key;",
            command => command.Bind("key", key).Bind("next", (clock.GetUtcNow() + retryAfter).ToUnixTimeMilliseconds())
                .Bind("error", error.Length > 1000 ? error[..1000] : error));

    /// <summary>How many messages wait to be sent.</summary>
    public Task<long> PendingCount() => database.CountAsync("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL;");
}
