using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace MedPlatform.TestSupport;

/// <summary>Where the platform's mail arrives in a test: the mailbox folder of embedded mode, or a real SMTP server.</summary>
public interface IMailbox
{
    Task<IReadOnlyList<MimeMessage>> ReceivedAsync();
}

/// <summary>The .eml files the platform writes when no SMTP server is configured.</summary>
public sealed class MailboxFolder(string directory) : IMailbox
{
    public string Directory => directory;

    public Task<IReadOnlyList<MimeMessage>> ReceivedAsync() =>
        Task.FromResult<IReadOnlyList<MimeMessage>>(System.IO.Directory.Exists(directory)
            ? System.IO.Directory.GetFiles(directory, "*.eml").Select(path => MimeMessage.Load(path)).ToList()
            : []);
}

public static partial class Mailboxes
{
    /// <summary>The mails to <paramref name="to"/> whose subject contains <paramref name="subject"/>, once at least <paramref name="count"/> arrived.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(this IMailbox mailbox, string to, string subject, int count = 1, TimeSpan? within = null)
    {
        IReadOnlyList<MimeMessage> found = [];
        await Poll.UntilAsync(async () =>
        {
            found = (await mailbox.ReceivedAsync())
                .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal))
                .ToList();
            return found.Count >= count;
        }, within ?? TimeSpan.FromSeconds(20), $"{count} mail(s) \"{subject}\" to {to}");
        return found;
    }

    /// <summary>The token of the single-use link in a mail (after <c>#token=</c>), the same in its text and HTML bodies.</summary>
    public static string LinkToken(this MimeMessage mail)
    {
        var inText = TokenLink().Match(mail.TextBody ?? "");
        var inHtml = TokenLink().Match(mail.HtmlBody ?? "");
        Xunit.Assert.True(inText.Success, $"no link with a token in: {mail.TextBody}");
        Xunit.Assert.Equal(inText.Groups[1].Value, inHtml.Groups[1].Value);
        return inText.Groups[1].Value;
    }

    /// <summary>The link itself, as the mail gives it.</summary>
    public static string Link(this MimeMessage mail) => LinkWithToken().Match(mail.TextBody ?? "").Value;

    [GeneratedRegex(@"#token=([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex TokenLink();

    [GeneratedRegex(@"https?://\S+#token=[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial Regex LinkWithToken();
}
