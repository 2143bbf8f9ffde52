using System.Net;
using MedPlatform.Mail;

namespace MedPlatform.Identity;

/// <summary>The mail of two-factor sign-in's events: each tells the owner what happened and what to do if it was not them.</summary>
public static class TwoFactorMail
{
    /// <summary>Two-factor sign-in was turned on or off: whoever did not do it learns at once that someone holds their password.</summary>
    public static OutgoingMail TwoFactorChanged(string userId, string email, string name, bool enabled, DateTimeOffset at, string publicUrl)
    {
        var what = enabled ? "turned on" : "turned off";
        var security = AccountMail.Link(publicUrl, "/account/security");
        var consequence = enabled
            ? "From now on, signing in needs a code from your authenticator app after your password, and every other device was signed out."
            : "From now on, your password alone signs you in.";
        var text = $"""
            Hello {name},

            two-factor sign-in was {what} for your MedPlatform account on {AccountMail.When(at)}. {consequence}

            If you did this, there is nothing more to do.
            If you did not, someone else knows your password: change it at once at {security}, or answer this mail.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>two-factor sign-in was {what} for your MedPlatform account on {AccountMail.When(at)}. {consequence}</p>
            <p>If you did this, there is nothing more to do.<br>
            If you did not, someone else knows your password: <a href="{WebUtility.HtmlEncode(security)}">change it at once</a>, or answer this mail.</p>
            """;
        return new OutgoingMail($"two-factor-{(enabled ? "on" : "off")}:{userId}:{at.ToUnixTimeMilliseconds()}", email,
            $"Two-factor sign-in was {what} for your MedPlatform account", text, html);
    }

    /// <summary>An administrator reset the second factor (the owner lost phone and codes): staff are asked to enrol again at their next sign-in.</summary>
    public static OutgoingMail TwoFactorReset(string userId, string email, string name, bool mustEnrolAgain, DateTimeOffset at, string publicUrl)
    {
        var signIn = AccountMail.Link(publicUrl, "/sign-in");
        var next = mustEnrolAgain
            ? "When you next sign in, you will be asked to set up an authenticator app again before you continue."
            : "Your password alone signs you in until you turn it on again under Account, Security settings.";
        var text = $"""
            Hello {name},

            an administrator turned off two-factor sign-in for your MedPlatform account on {AccountMail.When(at)}, and every device was signed out. {next}

            Sign in at {signIn}. If you did not ask for this, answer this mail at once.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>an administrator turned off two-factor sign-in for your MedPlatform account on {AccountMail.When(at)}, and every device was signed out. {next}</p>
            <p><a href="{WebUtility.HtmlEncode(signIn)}">Sign in</a>. If you did not ask for this, answer this mail at once.</p>
            """;
        return new OutgoingMail($"two-factor-reset:{userId}:{at.ToUnixTimeMilliseconds()}", email, "Two-factor sign-in was reset for your MedPlatform account", text, html);
    }

    /// <summary>Someone with the password keeps typing wrong codes: the owner should change the password.</summary>
    public static OutgoingMail WrongCodes(string userId, string email, string name, int wrong, DateTimeOffset at, string publicUrl)
    {
        var security = AccountMail.Link(publicUrl, "/account");
        var text = $"""
            Hello {name},

            someone signed in to your MedPlatform account with your password and then typed {wrong} wrong codes in a row (the last on {AccountMail.When(at)}). Your account is safe while they do not have your phone, but they know your password.

            If this was not you, change your password now at {security}.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>someone signed in to your MedPlatform account with your password and then typed {wrong} wrong codes in a row (the last on {AccountMail.When(at)}). Your account is safe while they do not have your phone, but they know your password.</p>
            <p>If this was not you, <a href="{WebUtility.HtmlEncode(security)}">change your password now</a>.</p>
            """;
        return new OutgoingMail($"wrong-codes:{userId}:{at.ToUnixTimeMilliseconds()}", email, "Wrong sign-in codes for your MedPlatform account", text, html);
    }

    /// <summary>A recovery code signed someone in: the owner learns how many are left, and what to do if it was not them.</summary>
    public static OutgoingMail RecoveryCodeUsed(string userId, string email, string name, int left, DateTimeOffset at, string publicUrl)
    {
        var security = AccountMail.Link(publicUrl, "/account/security");
        var remaining = left == 1 ? "1 recovery code is left" : $"{left} recovery codes are left";
        var text = $"""
            Hello {name},

            a recovery code was used to sign in to your MedPlatform account on {AccountMail.When(at)}, instead of a code from your authenticator app. It cannot be used again; {remaining}.

            If you did this, consider enrolling your authenticator app again at {security} to get new codes.
            If you did not, someone holds your password and your recovery codes: change your password at once, or answer this mail.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>a recovery code was used to sign in to your MedPlatform account on {AccountMail.When(at)}, instead of a code from your authenticator app. It cannot be used again; {remaining}.</p>
            <p>If you did this, consider <a href="{WebUtility.HtmlEncode(security)}">enrolling your authenticator app again</a> to get new codes.<br>
            If you did not, someone holds your password and your recovery codes: change your password at once, or answer this mail.</p>
            """;
        return new OutgoingMail($"recovery-code-used:{userId}:{at.ToUnixTimeMilliseconds()}", email, "A recovery code was used to sign in to MedPlatform", text, html);
    }
}
