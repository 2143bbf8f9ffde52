using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MedPlatform.Mail;

/// <summary>
/// Where messages go once they leave the outbox: an SMTP server, or the mailbox folder when none is
/// configured. Synchronous: the dispatcher runs it on its own thread, below requests (<see cref="BackgroundThread"/>).
/// </summary>
public interface IMailTransport
{
    /// <summary>Delivers a batch; for each message, null when it was delivered or why not (it stays in the outbox to be tried again).</summary>
    IReadOnlyList<Exception?> Send(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken);
}

/// <summary>MailKit's SMTP client: one connection for a batch, opened again after a message fails.</summary>
public sealed class SmtpTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public IReadOnlyList<Exception?> Send(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new Exception?[messages.Count];
        SmtpClient? client = null;
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                try
                {
                    client ??= Connect(cancellationToken);
                    client.Send(messages[i], cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    outcomes[i] = e;
                    // The connection's state is not known after a failure: the next message gets a fresh one.
                    client?.Dispose();
                    client = null;
                }
            }
            client?.Disconnect(quit: true, cancellationToken);
        }
        finally
        {
            client?.Dispose();
        }
        return outcomes;
    }

    private SmtpClient Connect(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var client = new SmtpClient();
        try
        {
            client.Connect(smtp.Host!, smtp.Port, smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
                client.Authenticate(smtp.UserName, smtp.Password ?? "", cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

/// <summary>
/// Writes each message as an .eml file named by its Message-Id: zero set-up, and opening one in any
/// mail program shows it. A message delivered twice is written twice ("…-2.eml"), as a mail server
/// would receive it twice: nothing is hidden by overwriting.
/// </summary>
public sealed class MailboxFolderTransport(string directory) : IMailTransport
{
    public IReadOnlyList<Exception?> Send(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new Exception?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                Write(messages[i], cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                outcomes[i] = e;
            }
        }
        return outcomes;
    }

    private void Write(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Where(c => char.IsLetterOrDigit(c) || c is '-' or '.'));
        var partial = Path.Combine(directory, $"{name}.{Guid.NewGuid():N}.partial");
        // Written aside and moved: a reader never sees half a message.
        message.WriteTo(partial, cancellationToken);
        for (var copy = 1; ; copy++)
        {
            var target = Path.Combine(directory, copy == 1 ? $"{name}.eml" : $"{name}-{copy}.eml");
            try
            {
                File.Move(partial, target, overwrite: false);
                return;
            }
            catch (IOException) when (File.Exists(target))
            {
                // Delivered before: this is another delivery, kept beside it.
            }
        }
    }
}
