namespace MedPlatform.Mail;

/// <summary>"Smtp" section: the mail server. With no Host, mail goes to the mailbox folder (<see cref="MailOptions"/>).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>STARTTLS when the server offers it is not enough: true requires it.</summary>
    public bool UseTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "MedPlatform <no-reply@medplatform.local>";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>"Mail" section: how the outbox is worked through.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Where mail is written as .eml files when no SMTP server is configured (embedded mode: the data directory's "mailbox").</summary>
    public string? MailboxDirectory { get; set; }

    /// <summary>How often the outbox is looked at for mail that is due.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the dispatcher lets mail gather after its silo queued some, so a burst goes in one batch.</summary>
    public TimeSpan GatherFor { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The first wait after a failed send; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a silo holds the mail it is sending; a silo that dies meanwhile leaves it to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>"App" section: what the platform is called on the internet, for links in mail.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    public string PublicUrl { get; set; } = "http://localhost:5080";
}
