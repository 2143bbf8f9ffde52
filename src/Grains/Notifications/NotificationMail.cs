using System.Net;
using MedPlatform.Identity;
using MedPlatform.Mail;

namespace MedPlatform.Notifications;

/// <summary>
/// A notification as mail: its title and body (which the grains that raise notifications keep free of
/// clinical detail: a mail can be read over a shoulder or by whoever holds the mailbox), the link into
/// the app (never its in-app detail), and a one-click unsubscribe for its kind (RFC 8058, added by the dispatcher with the token).
/// </summary>
public static class NotificationMail
{
    public static OutgoingMail For(string userId, string email, string name, NewNotification notification, string publicUrl)
    {
        var baseUrl = publicUrl.TrimEnd('/');
        var open = baseUrl + notification.Link;
        var unsubscribe = $"{baseUrl}/unsubscribe#token={OutgoingMail.TokenPlaceholder}";
        var settings = $"{baseUrl}/account#notifications";
        var text = $"""
            Hello {name},

            {notification.Body}

            {open}

            --
            You get this mail because of your MedPlatform notification settings.
            Stop mail like this: {unsubscribe}
            Choose which mail you get: {settings}
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>{WebUtility.HtmlEncode(notification.Body)}</p>
            <p><a href="{WebUtility.HtmlEncode(open)}">Open MedPlatform</a></p>
            <hr>
            <p style="font-size:small">You get this mail because of your MedPlatform notification settings.
            <a href="{WebUtility.HtmlEncode(unsubscribe)}">Stop mail like this</a> ·
            <a href="{WebUtility.HtmlEncode(settings)}">Choose which mail you get</a></p>
            """;
        return new OutgoingMail($"notification:{userId}:{notification.Key}", email, notification.Title, text, html,
            new MailLink(userId, MailTokenPurpose.Unsubscribe, notification.Kind.ToString()));
    }
}
