using System.Net;
using MedPlatform.Mail;

namespace MedPlatform.Identity;

/// <summary>The mail an account's security events send, in plain text and HTML, with links built from App:PublicUrl.</summary>
public static class AccountMail
{
    public static OutgoingMail PasswordChanged(string userId, string email, string name, DateTimeOffset at, string publicUrl)
    {
        var when = at.ToUniversalTime().ToString("d MMMM yyyy 'at' HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var signIn = $"{publicUrl.TrimEnd('/')}/sign-in";
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
}
