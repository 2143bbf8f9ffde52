using System.Security.Cryptography;
using System.Text;

namespace MedPlatform.Mail;

/// <summary>
/// A message to send. <see cref="Key"/> names the change that caused it ("password-changed:{user}:{time}"):
/// queuing the same key twice queues one message, so the change can be announced again after a crash
/// without a second mail. The Message-Id is derived from the key, so a message keeps it however often
/// sending is tried. A mail with a <see cref="Link"/> carries a single-use token that exists nowhere
/// but in the mail itself: the outbox holds <see cref="TokenPlaceholder"/>, and the token is issued
/// by the account (which keeps only its hash) at the moment of sending.
/// </summary>
public sealed record OutgoingMail(string Key, string To, string Subject, string Text, string Html, MailLink? Link = null)
{
    public const string TokenPlaceholder = "{{link-token}}";

    public string MessageId => MessageIdFor(Key);

    public static string MessageIdFor(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("medplatform-mail:" + key)))[..32] + "@medplatform";
}

/// <summary>Whose token a mail's link carries, what for, and (for unsubscribing) which kind of mail it stops.</summary>
public sealed record MailLink(string UserId, MedPlatform.Identity.MailTokenPurpose Purpose, string? Scope = null);
