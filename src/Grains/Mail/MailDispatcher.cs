using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MedPlatform.Mail;

/// <summary>
/// Works through the outbox in the background on every silo: takes due messages under a lease, sends
/// them, marks them sent, and backs off (doubling, up to a cap) when sending fails. Nothing that
/// queues mail waits for this: answering a question or checking out only writes an outbox row.
/// A message is sent once unless a silo dies between the server accepting it and marking it sent;
/// then it is sent again with the same Message-Id, which mail programs treat as one message.
/// </summary>
public sealed partial class MailDispatcher(
    MailOutbox outbox,
    IGrainFactory grains,
    IOptions<MailOptions> options,
    IOptions<SmtpOptions> smtp,
    IOptions<AppOptions> app,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    private const int Batch = 20;

    /// <summary>Where messages are built into bytes and delivered: off the threads that answer requests.</summary>
    private readonly BackgroundThread sender = new("mail-dispatcher");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var transport = Transport();
        if (transport is null)
        {
            LogNowhereToSend();
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pending = await outbox.Take(Batch, options.Value.Lease);
                await SendBatch(transport, pending, stoppingToken);
                if (pending.Count == Batch)
                    continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database itself is unreachable: the outbox keeps everything; look again shortly.
                LogOutboxUnavailable(e);
            }
            try
            {
                // Mail queued on this silo is sent within moments; mail queued on another is found at the next look.
                // The moment gathers a burst (a hundred answers a second) into one batch, instead of a take and a mark per message.
                if (await outbox.WaitForQueued(options.Value.PollEvery, stoppingToken))
                    await Task.Delay(options.Value.GatherFor, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendBatch(IMailTransport transport, IReadOnlyList<MailOutbox.Pending> pending, CancellationToken stoppingToken)
    {
        var sent = new List<string>(pending.Count);
        try
        {
            var ready = new List<(MailOutbox.Pending Item, MimeMessage Message)>(pending.Count);
            foreach (var item in pending)
            {
                if (await Prepare(item) is { } message)
                    ready.Add((item, message));
            }
            var outcomes = await sender.Run(() => transport.Send([.. ready.Select(r => r.Message)], stoppingToken));
            for (var i = 0; i < ready.Count; i++)
            {
                if (outcomes[i] is { } failure)
                    await Failed(ready[i].Item, failure);
                else
                    sent.Add(ready[i].Item.Mail.Key);
            }
        }
        finally
        {
            // One write for the batch (marking each as it went would double the outbox's writes), made
            // also when the batch is cut short, by a shutdown or a failed write, so what went is not sent again.
            await outbox.Sent(sent);
        }
    }

    /// <summary>The message to send, with its link's token; null when it is not to be sent (dropped or failed, and recorded so).</summary>
    private async Task<MimeMessage?> Prepare(MailOutbox.Pending item)
    {
        try
        {
            var mail = item.Mail;
            string? unsubscribeToken = null;
            if (mail.Link is { } link)
            {
                // The link's token is made now and exists only in the mail: the outbox never held it.
                var token = link.Purpose == Identity.MailTokenPurpose.Unsubscribe
                    ? await grains.GetGrain<Notifications.INotificationsGrain>(link.UserId).IssueUnsubscribeToken(Enum.Parse<Notifications.NotificationKind>(link.Scope!))
                    : await grains.GetGrain<Identity.IUserGrain>(link.UserId).IssueMailToken(link.Purpose, item.CreatedAt);
                if (token is null)
                {
                    await outbox.Dropped(mail.Key, "not sent: the account no longer needs this link");
                    return null;
                }
                mail = mail with
                {
                    Text = mail.Text.Replace(OutgoingMail.TokenPlaceholder, token, StringComparison.Ordinal),
                    Html = mail.Html.Replace(OutgoingMail.TokenPlaceholder, token, StringComparison.Ordinal),
                };
                unsubscribeToken = link.Purpose == Identity.MailTokenPurpose.Unsubscribe ? token : null;
            }
            var message = ToMime(mail, item.CreatedAt);
            if (unsubscribeToken is not null)
            {
                // RFC 8058: mail programs offer "unsubscribe", and POST "List-Unsubscribe=One-Click" to this address.
                message.Headers.Add("List-Unsubscribe", $"<{app.Value.PublicUrl.TrimEnd('/')}/api/notifications/unsubscribe?token={Uri.EscapeDataString(unsubscribeToken)}>");
                message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            return message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Failed(item, e);
            return null;
        }
    }

    private async Task Failed(MailOutbox.Pending item, Exception failure)
    {
        var delay = RetryDelay(item.Attempts);
        LogSendFailed(item.Mail.Key, item.Attempts + 1, delay, failure.Message);
        await outbox.Failed(item.Mail.Key, delay, failure.Message);
    }

    public override void Dispose()
    {
        sender.Dispose();
        base.Dispose();
    }

    /// <summary>5 s, 10 s, 20 s … up to the cap.</summary>
    private TimeSpan RetryDelay(int attemptsBefore)
    {
        var settings = options.Value;
        var delay = settings.FirstRetryDelay * Math.Pow(2, Math.Min(attemptsBefore, 20));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    private MimeMessage ToMime(OutgoingMail mail, DateTimeOffset queuedAt)
    {
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId, Date = queuedAt };
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        return message;
    }

    private IMailTransport? Transport()
    {
        if (smtp.Value.IsConfigured)
            return new SmtpTransport(smtp);
        return options.Value.MailboxDirectory is { } folder ? new MailboxFolderTransport(folder) : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Smtp:Host and no mailbox folder: mail stays in the outbox until one is configured")]
    private partial void LogNowhereToSend();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Key}: sending failed (attempt {Attempt}); trying again in {Delay}: {Reason}")]
    private partial void LogSendFailed(string key, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail outbox could not be read; trying again shortly")]
    private partial void LogOutboxUnavailable(Exception exception);
}
