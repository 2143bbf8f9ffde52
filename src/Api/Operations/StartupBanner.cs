using MedPlatform.Api.Hosting;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MedPlatform.Api.Operations;

/// <summary>Once the server listens: where to open it, and in embedded mode the data directory and demo accounts.</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MedPlatform");
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var mode = app.Services.GetRequiredService<RunModeInfo>().Mode;
            var lines = new List<string> { $"MedPlatform ({mode} mode) is listening on {string.Join(", ", addresses)}" };
            foreach (var address in addresses)
                lines.Add($"  API reference: {address.TrimEnd('/')}/scalar   OpenAPI: {address.TrimEnd('/')}/openapi/v1.json");
            if (mode == RunMode.Embedded)
            {
                lines.Add($"  Data directory: {app.Services.GetRequiredService<EmbeddedOptions>().FullDataDirectory}");
                var smtp = app.Services.GetRequiredService<IOptions<MedPlatform.Mail.SmtpOptions>>().Value;
                lines.Add(smtp.IsConfigured
                    ? $"  Mail: sent through {smtp.Host}:{smtp.Port}"
                    : $"  Mail: no Smtp:Host, so it is written as .eml files to {app.Services.GetRequiredService<IOptions<MedPlatform.Mail.MailOptions>>().Value.MailboxDirectory}");
                if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed)
                {
                    lines.Add($"  Demo accounts (password for all: {DemoAccounts.Password}):");
                    lines.AddRange(DemoAccounts.All.Select(a => $"    {a.Email,-30} {a.Role.ToString().ToLowerInvariant()}{(a.Verified ? " (verified)" : "")}"));
                }
            }
#pragma warning disable CA1848, CA2254 // A one-off banner, not a hot-path log event.
            logger.LogInformation(string.Join(Environment.NewLine, lines));
#pragma warning restore CA1848, CA2254
        });
}
