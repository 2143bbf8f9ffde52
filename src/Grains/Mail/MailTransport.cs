using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MedPlatform.Mail;

/// <summary>Where a message goes once it leaves the outbox: an SMTP server, or the mailbox folder when none is configured.</summary>
public interface IMailTransport
{
    /// <summary>Delivers the message, or throws; a throw leaves it in the outbox to be tried again.</summary>
    Task Send(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>MailKit's SMTP client, one connection per batch of messages the dispatcher sends.</summary>
public sealed class SmtpTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task Send(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// Writes each message as an .eml file named by its Message-Id: zero set-up, and opening one in any
/// mail program shows it. A message delivered twice is written twice ("…-2.eml"), as a mail server
/// would receive it twice: nothing is hidden by overwriting.
/// </summary>
public sealed class MailboxFolderTransport(string directory) : IMailTransport
{
    public async Task Send(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Where(c => char.IsLetterOrDigit(c) || c is '-' or '.'));
        var partial = Path.Combine(directory, $"{name}.{Guid.NewGuid():N}.partial");
        // Written aside and moved: a reader never sees half a message.
        await message.WriteToAsync(partial, cancellationToken);
        for (var copy = 1; ; copy++)
        {
            try
            {
                File.Move(partial, Path.Combine(directory, copy == 1 ? $"{name}.eml" : $"{name}-{copy}.eml"), overwrite: false);
                return;
            }
            catch (IOException) when (File.Exists(Path.Combine(directory, copy == 1 ? $"{name}.eml" : $"{name}-{copy}.eml")))
            {
                // Delivered before: this is another delivery, kept beside it.
            }
        }
    }
}
