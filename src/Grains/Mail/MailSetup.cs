using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Mail;

public static class MailSetup
{
    /// <summary>The outbox, its dispatcher (a background service on every silo) and the Smtp, Mail and App settings, validated at start.</summary>
    public static IServiceCollection AddMedPlatformMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(smtp => !smtp.IsConfigured || smtp.Port is > 0 and < 65536, "Smtp:Port must be a TCP port.")
            .Validate(smtp => MimeKit.MailboxAddress.TryParse(smtp.From, out _), "Smtp:From must be an address such as \"MedPlatform <no-reply@example.org>\".")
            .ValidateOnStart();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .Validate(mail => mail.PollEvery > TimeSpan.Zero && mail.GatherFor >= TimeSpan.Zero && mail.FirstRetryDelay > TimeSpan.Zero && mail.MaxRetryDelay >= mail.FirstRetryDelay && mail.Lease > TimeSpan.Zero,
                "Mail:PollEvery, FirstRetryDelay and Lease must be positive, and MaxRetryDelay no shorter than FirstRetryDelay.")
            .ValidateOnStart();
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.Section))
            .Validate(app => Uri.TryCreate(app.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "App:PublicUrl must be the platform's absolute http(s) address, the base of links in mail.")
            .ValidateOnStart();
        services.AddSingleton<MailOutbox>();
        services.AddHostedService<MailDispatcher>();
        return services;
    }
}
