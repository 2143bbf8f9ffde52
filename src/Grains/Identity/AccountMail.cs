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

    /// <summary>Two-factor sign-in was turned on or off: whoever did not do it learns at once that someone holds their password.</summary>
    public static OutgoingMail TwoFactorChanged(string userId, string email, string name, bool enabled, DateTimeOffset at, string publicUrl)
    {
        var what = enabled ? "turned on" : "turned off";
        var security = Link(publicUrl, "/account/security");
        var consequence = enabled
            ? "From now on, signing in needs a code from your authenticator app after your password, and every other device was signed out."
            : "From now on, your password alone signs you in.";
        var text = $"""
            Hello {name},

            two-factor sign-in was {what} for your MedPlatform account on {When(at)}. {consequence}

            If you did this, there is nothing more to do.
            If you did not, someone else knows your password: change it at once at {security}, or answer this mail.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>two-factor sign-in was {what} for your MedPlatform account on {When(at)}. {consequence}</p>
            <p>If you did this, there is nothing more to do.<br>
            If you did not, someone else knows your password: <a href="{WebUtility.HtmlEncode(security)}">change it at once</a>, or answer this mail.</p>
            """;
        return new OutgoingMail($"two-factor-{(enabled ? "on" : "off")}:{userId}:{at.ToUnixTimeMilliseconds()}", email,
            $"Two-factor sign-in was {what} for your MedPlatform account", text, html);
    }

    /// <summary>An administrator reset the second factor (the owner lost phone and codes): staff are asked to enrol again at their next sign-in.</summary>
    public static OutgoingMail TwoFactorReset(string userId, string email, string name, bool mustEnrolAgain, DateTimeOffset at, string publicUrl)
    {
        var signIn = Link(publicUrl, "/sign-in");
        var next = mustEnrolAgain
            ? "When you next sign in, you will be asked to set up an authenticator app again before you continue."
            : "Your password alone signs you in until you turn it on again under Account, Security settings.";
        var text = $"""
            Hello {name},

            an administrator turned off two-factor sign-in for your MedPlatform account on {When(at)}, and every device was signed out. {next}

            Sign in at {signIn}. If you did not ask for this, answer this mail at once.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>an administrator turned off two-factor sign-in for your MedPlatform account on {When(at)}, and every device was signed out. {next}</p>
            <p><a href="{WebUtility.HtmlEncode(signIn)}">Sign in</a>. If you did not ask for this, answer this mail at once.</p>
            """;
        return new OutgoingMail($"two-factor-reset:{userId}:{at.ToUnixTimeMilliseconds()}", email, "Two-factor sign-in was reset for your MedPlatform account", text, html);
    }

    /// <summary>A recovery code signed someone in: the owner learns how many are left, and what to do if it was not them.</summary>
    public static OutgoingMail RecoveryCodeUsed(string userId, string email, string name, int left, DateTimeOffset at, string publicUrl)
    {
        var security = Link(publicUrl, "/account/security");
        var remaining = left == 1 ? "1 recovery code is left" : $"{left} recovery codes are left";
        var text = $"""
            Hello {name},

            a recovery code was used to sign in to your MedPlatform account on {When(at)}, instead of a code from your authenticator app. It cannot be used again; {remaining}.

            If you did this, consider enrolling your authenticator app again at {security} to get new codes.
            If you did not, someone holds your password and your recovery codes: change your password at once, or answer this mail.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>a recovery code was used to sign in to your MedPlatform account on {When(at)}, instead of a code from your authenticator app. It cannot be used again; {remaining}.</p>
            <p>If you did this, consider <a href="{WebUtility.HtmlEncode(security)}">enrolling your authenticator app again</a> to get new codes.<br>
            If you did not, someone holds your password and your recovery codes: change your password at once, or answer this mail.</p>
            """;
        return new OutgoingMail($"recovery-code-used:{userId}:{at.ToUnixTimeMilliseconds()}", email, "A recovery code was used to sign in to MedPlatform", text, html);
    }

    private static string When(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Link(string publicUrl, string path) => publicUrl.TrimEnd('/') + path;
}
