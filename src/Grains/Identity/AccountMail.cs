using System.Globalization;
using System.Net;
using MedPlatform.Mail;

namespace MedPlatform.Identity;

/// <summary>The mail an account's security events send, in plain text and HTML, with links built from App:PublicUrl.</summary>
public static class AccountMail
{
    public static OutgoingMail PasswordChanged(string userId, string email, string name, DateTimeOffset at, string publicUrl)
    {
        var when = When(at);
        var signIn = Link(publicUrl, "/sign-in");
        var text = $"""
            Hello {name},

            the password of your MedPlatform account was changed on {when}. Every device that was signed in has been signed out.

            If you did this, there is nothing more to do.
            If you did not, someone else knows your password: sign in at {signIn} and change it at once, or answer this mail.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>the password of your MedPlatform account was changed on {when}. Every device that was signed in has been signed out.</p>
            <p>If you did this, there is nothing more to do.<br>
            If you did not, someone else knows your password: <a href="{WebUtility.HtmlEncode(signIn)}">sign in</a> and change it at once, or answer this mail.</p>
            """;
        return new OutgoingMail($"password-changed:{userId}:{at.ToUnixTimeMilliseconds()}", email, "Your MedPlatform password was changed", text, html);
    }

    /// <summary>The link that proves the address is the owner's; <paramref name="key"/> names this request of it.</summary>
    public static OutgoingMail ConfirmEmail(string key, string userId, string email, string name, string publicUrl)
    {
        // In the fragment, not the query: a browser never sends it to a server or a proxy's log.
        var confirm = Link(publicUrl, "/verify-email#token=" + OutgoingMail.TokenPlaceholder);
        var text = $"""
            Hello {name},

            welcome to MedPlatform. Please confirm that this is your email address by opening this link:

            {confirm}

            The link works once, for 24 hours. Until you confirm, you can browse, but not ask doctors or order medicines.
            If you did not create an account, ignore this mail: nothing happens without the link.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>welcome to MedPlatform. Please confirm that this is your email address:</p>
            <p><a href="{WebUtility.HtmlEncode(confirm)}">Confirm my email address</a></p>
            <p>The link works once, for 24 hours. Until you confirm, you can browse, but not ask doctors or order medicines.<br>
            If you did not create an account, ignore this mail: nothing happens without the link.</p>
            """;
        return new OutgoingMail(key, email, "Confirm your email address for MedPlatform", text, html, new MailLink(userId, MailTokenPurpose.ConfirmEmail));
    }

    public static OutgoingMail ResetPassword(string userId, string email, string name, DateTimeOffset requestedAt, string publicUrl)
    {
        var reset = Link(publicUrl, "/reset-password#token=" + OutgoingMail.TokenPlaceholder);
        var text = $"""
            Hello {name},

            someone asked to reset the password of your MedPlatform account. To choose a new password, open this link:

            {reset}

            The link works once, for 30 minutes, and signs out every device that is signed in.
            If you did not ask for this, ignore this mail: your password stays as it is.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>someone asked to reset the password of your MedPlatform account.</p>
            <p><a href="{WebUtility.HtmlEncode(reset)}">Choose a new password</a></p>
            <p>The link works once, for 30 minutes, and signs out every device that is signed in.<br>
            If you did not ask for this, ignore this mail: your password stays as it is.</p>
            """;
        return new OutgoingMail($"reset-password:{userId}:{requestedAt.ToUnixTimeMilliseconds()}", email, "Reset your MedPlatform password", text, html,
            new MailLink(userId, MailTokenPurpose.ResetPassword));
    }

    internal static string When(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    internal static string Link(string publicUrl, string path) => publicUrl.TrimEnd('/') + path;
}
