using MedPlatform.Hosting;
using MedPlatform.Orders.Payments;
using MedPlatform.ServiceDefaults;
using MedPlatform.Storage;

namespace MedPlatform.Payments;

/// <summary>The "PaymentService" section.</summary>
public sealed class PaymentServiceSettings
{
    public const string Section = "PaymentService";

    /// <summary>The ledger (SQLite) and the service's key pair live here.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The shared secret callers send in <c>X-Api-Key</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long a charge or refund takes, as a real gateway's round trip would.</summary>
    public TimeSpan SimulatedLatency { get; set; } = TimeSpan.Zero;
}

public static class PaymentServiceSetup
{
    public static WebApplicationBuilder AddPaymentService(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(PaymentServiceSettings.Section).Get<PaymentServiceSettings>() ?? new PaymentServiceSettings();
        if (string.IsNullOrWhiteSpace(settings.ApiKey) || Placeholders.IsPlaceholder(settings.ApiKey) || settings.ApiKey.Length < 16)
            throw new InvalidOperationException("PaymentService:ApiKey must be set to a secret of at least 16 characters.");
        var dataDirectory = Path.GetFullPath(settings.DataDirectory);
        Directory.CreateDirectory(dataDirectory);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(PlatformClock.RealTime);
        services.AddKeyedSingleton(Databases.Payments, SqlDatabase.SqliteFile(Databases.Payments, Path.Combine(dataDirectory, "payments.db")));
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<PaymentLedger>();
        services.AddSingleton(ServiceKey.LoadOrCreate(Path.Combine(dataDirectory, "service-key.pem")));
        services.AddHostedService<LedgerSchema>();
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<LedgerReadiness>("ledger", tags: [HealthEndpoints.Ready]);
        builder.AddMedPlatformObservability("medplatform-payments", [], []);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static WebApplication UsePaymentService(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ApiKeyCheck>();
        return app;
    }

    /// <summary>Brings the ledger's schema up to date before the service takes requests; lets go of its write connection at the end.</summary>
    private sealed class LedgerSchema(SchemaMigrator migrator, [FromKeyedServices(Databases.Payments)] SqlDatabase database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(database, cancellationToken, grainStorage: false);

        public Task StopAsync(CancellationToken cancellationToken) => database.CloseAsync();
    }
}
