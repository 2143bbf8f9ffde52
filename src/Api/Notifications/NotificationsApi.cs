using System.Text.Json;
using MedPlatform.Api.Auth;
using MedPlatform.Api.Common;
using MedPlatform.Api.Operations;
using MedPlatform.Common;
using MedPlatform.Identity;
using MedPlatform.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MedPlatform.Api.Notifications;

/// <summary>The notification centre: the list, marking read, the live feed for the bell, settings, and one-click unsubscribe from mail.</summary>
public static class NotificationsApi
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications");
        notifications.MapGet("", List).RequireAuthorization(Policies.SignedIn).WithName("listNotifications")
            .WithSummary("Your notifications, newest first, with the unread count");
        notifications.MapPost("/{id}/read", MarkRead).RequireAuthorization(Policies.SignedIn).WithName("markNotificationRead")
            .WithSummary("Mark one notification read").Refuses(404);
        notifications.MapPost("/read-all", MarkAllRead).RequireAuthorization(Policies.SignedIn).WithName("markAllNotificationsRead")
            .WithSummary("Mark every notification read");
        notifications.MapGet("/events", Events).RequireAuthorization(Policies.SignedIn).WithName("followNotifications")
            .WithSummary("Server-sent events: one 'notification' event per new notification, an 'unread' event when some were read")
            .WithDescription("A `text/event-stream` of `notification` events whose data is a NotificationEvent (the notification and the unread count after it), and `unread` events whose data is `{\"unreadCount\": n}` when notifications were marked read (in another tab or device too).")
            .Produces<NotificationEvent>(StatusCodes.Status200OK, "text/event-stream");
        // Not under the sign-in rate limit: RFC 8058 posts come from a mail provider's few servers, and a 256-bit token is not guessed.
        notifications.MapPost("/unsubscribe", Unsubscribe).AllowAnonymous().WithName("unsubscribe")
            .WithSummary("One-click unsubscribe (RFC 8058): stops one kind of mail; the token comes from the mail's link")
            .DisableAntiforgery();
        // A mail program that opens the address instead (RFC 2369) gets the page that asks nothing more; a GET changes nothing.
        notifications.MapGet("/unsubscribe", OpenUnsubscribePage).AllowAnonymous().WithName("openUnsubscribePage")
            .WithSummary("Redirects to the web app's unsubscribe page with the token; changes nothing itself").Produces(StatusCodes.Status302Found);

        var settings = app.MapGroup("/api/me/notification-settings").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        settings.MapGet("", Settings).WithName("getNotificationSettings").WithSummary("Which notifications you get, per kind, in the app and by email");
        settings.MapPut("", ChangeSettings).WithName("changeNotificationSettings").WithSummary("Switch kinds of notification on or off, per channel; kinds left out keep their setting");
        return app;
    }

    private static INotificationsGrain Of(this IGrainFactory grains, Caller caller) => grains.GetGrain<INotificationsGrain>(caller.UserId);

    static async Task<Ok<NotificationList>> List(bool? unread, [AsParameters] PageQuery paging, Caller caller, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Of(caller).List(caller, unread == true, paging.ToRequest()));

    static async Task<NoContent> MarkRead(string id, Caller caller, IGrainFactory grains)
    {
        await grains.Of(caller).MarkRead(caller, id);
        return TypedResults.NoContent();
    }

    static async Task<NoContent> MarkAllRead(Caller caller, IGrainFactory grains)
    {
        await grains.Of(caller).MarkAllRead(caller);
        return TypedResults.NoContent();
    }

    static async Task<Ok<NotificationSettings>> Settings(Caller caller, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Of(caller).Settings(caller));

    static async Task<Ok<NotificationSettings>> ChangeSettings(NotificationSettingsRequest request, Caller caller, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Of(caller).ChangeSettings(caller, new NotificationSettings(request.Email ?? new Dictionary<NotificationKind, bool>(), request.InApp ?? new Dictionary<NotificationKind, bool>())));

    /// <summary>The token is in the address (RFC 8058 fixes the body: "List-Unsubscribe=One-Click"), so a mail program can POST it as it is.</summary>
    static async Task<Ok<UnsubscribeResult>> Unsubscribe(string? token, IGrainFactory grains)
    {
        var (userId, secret) = MailLinkTokens.Parse(token, "This unsubscribe link is not valid: it was not copied whole.");
        return TypedResults.Ok(new UnsubscribeResult(await grains.GetGrain<INotificationsGrain>(userId).Unsubscribe(secret)));
    }

    static RedirectHttpResult OpenUnsubscribePage(string? token) =>
        TypedResults.Redirect("/unsubscribe#token=" + Uri.EscapeDataString(token ?? ""));

    /// <summary>Server-sent events: each notification that arrives after the stream opened, with the unread count after it.</summary>
    static async Task Events(Caller caller, IGrainFactory grains, HttpContext context, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var box = grains.Of(caller);
        // Asks for nothing newer than the newest there can be: answers at once with the current version.
        var known = (await box.WaitForNew(caller, int.MaxValue, TimeSpan.Zero)).Version;
        var response = context.Response;
        response.StartEventStream();
        var aborted = context.RequestAborted;
        var endsAt = context.StreamEndsAt();
        try
        {
            await response.WriteAsync(": open\n\n", aborted);
            await response.Body.FlushAsync(aborted);
            while (DateTimeOffset.UtcNow < endsAt)
            {
                var change = await box.WaitForNew(caller, known, EventStreams.NextWait(endsAt, KeepAlive)).WaitAsync(aborted);
                if (change.Version == known)
                    await response.WriteAsync(": still here\n\n", aborted);
                foreach (var notification in change.Arrived)
                {
                    var data = JsonSerializer.Serialize(new NotificationEvent(notification, change.UnreadCount), json.Value.SerializerOptions);
                    await response.WriteAsync($"event: notification\ndata: {data}\n\n", aborted);
                }
                if (change.Version != known && change.Arrived.Count == 0)
                {
                    // Read, here or elsewhere: the count the bell shows.
                    var data = JsonSerializer.Serialize(new UnreadCountEvent(change.UnreadCount), json.Value.SerializerOptions);
                    await response.WriteAsync($"event: unread\ndata: {data}\n\n", aborted);
                }
                await response.Body.FlushAsync(aborted);
                known = change.Version;
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}

/// <summary>Kinds by name (<c>questionAnswered</c>, …); a kind left out keeps its setting.</summary>
public sealed record NotificationSettingsRequest(Dictionary<NotificationKind, bool>? Email, Dictionary<NotificationKind, bool>? InApp);

/// <summary>One event of the live feed: what arrived, and how many are unread now.</summary>
public sealed record NotificationEvent(NotificationView Notification, int UnreadCount);

/// <summary>The live feed's "unread" event: notifications were marked read, and this many are unread now.</summary>
public sealed record UnreadCountEvent(int UnreadCount);

public sealed record UnsubscribeResult(NotificationKind Kind);
