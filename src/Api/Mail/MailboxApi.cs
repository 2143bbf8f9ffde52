using System.Text.RegularExpressions;
using MedPlatform.Api.Auth;
using MedPlatform.Api.Common;
using MedPlatform.Api.Operations;
using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MedPlatform.Api.Mail;

/// <summary>
/// The mailbox folder for an administrator: with no SMTP server (embedded mode's zero set-up) this is
/// where mail, links and all, can be read. Every look is audited: the links in it open accounts.
/// </summary>
public static partial class MailboxApi
{
    /// <summary>A development mailbox only grows: older mail than this is left on disk, unread by the page.</summary>
    private const int NewestRead = 1000;

    public static IEndpointRouteBuilder MapMailboxApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/mailbox", List).WithTags("Administration").RequireAuthorization(Policies.Admin)
            .WithName("listMailbox").WithSummary("Mail written to the mailbox folder (no SMTP server configured), newest first, with its links")
            .Refuses(404);
        return app;
    }

    static async Task<Ok<PagedResult<MailboxMessage>>> List(string? to, [AsParameters] PageQuery paging, Caller admin, IOptions<MailOptions> options,
        IOptions<SmtpOptions> smtp, IGrainFactory grains)
    {
        var folder = options.Value.MailboxDirectory;
        if (smtp.Value.IsConfigured || folder is null)
            throw DomainException.NotFound("Mail goes to an SMTP server here: read it there.");
        var request = paging.ToRequest();
        var files = Directory.Exists(folder)
            ? new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(NewestRead).ToList()
            : [];
        var messages = new List<MailboxMessage>();
        foreach (var file in files)
        {
            var mail = await MimeMessage.LoadAsync(file.FullName);
            var recipient = string.Join(", ", mail.To.Mailboxes.Select(m => m.Address));
            if (!string.IsNullOrWhiteSpace(to) && !recipient.Contains(to.Trim(), StringComparison.OrdinalIgnoreCase))
                continue;
            messages.Add(new MailboxMessage(mail.MessageId ?? file.Name, recipient, mail.Subject ?? "", mail.Date, mail.TextBody ?? "",
                Links().Matches(mail.TextBody ?? "").Select(m => m.Value).Distinct().ToList()));
        }
        await grains.GetGrain<IAuditGrain>(0).Record(new AuditEntry(DateTimeOffset.UtcNow, admin.UserId, "admin.mailbox.viewed",
            string.IsNullOrWhiteSpace(to) ? "mailbox" : $"mailbox to:{to.Trim()}", admin.ClientAddress, null));
        return TypedResults.Ok(new PagedResult<MailboxMessage>(messages.Skip(request.Offset).Take(request.PageSize).ToList(), request.Page, request.PageSize, messages.Count));
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Links();
}

/// <summary>A mail as written to the mailbox folder: who it went to, what it said, and the links in it.</summary>
public sealed record MailboxMessage(string MessageId, string To, string Subject, DateTimeOffset Date, string Text, IReadOnlyList<string> Links);
