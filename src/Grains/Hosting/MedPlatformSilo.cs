using Microsoft.AspNetCore.DataProtection;
using Orleans.Dashboard;
using MedPlatform.Audit;
using MedPlatform.Forum;
using MedPlatform.Identity;
using MedPlatform.Mail;
using MedPlatform.Mall;
using MedPlatform.Orders;
using MedPlatform.Orders.Payments;
using Orleans.Configuration;
using Orleans.Streams;
using MedPlatform.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace MedPlatform.Hosting;

/// <summary>
/// The one place where a silo is configured, called by both hosts (the embedded Api and the
/// cluster Silo) so the two modes cannot drift: services, storage names, reminders, schema, seeding.
/// </summary>
public static class MedPlatformSilo
{
    /// <summary>
    /// Everything a MedPlatform silo needs, with grain state and reminders in <paramref name="storage"/>:
    /// Orleans' ADO.NET provider on MariaDB (state stored in Orleans' binary format, which tolerates
    /// added fields through the [Id]s), or the platform's own SQLite provider in embedded mode.
    /// </summary>
    public static ISiloBuilder AddMedPlatform(this ISiloBuilder silo, PlatformStorage storage, IConfiguration configuration)
    {
        silo.AddMedPlatformServices(storage.Platform, storage.Orders, configuration);
        // The dashboard's data side; its pages are served by the Api, behind the admin policy.
        silo.AddDashboard();
        foreach (var name in StorageNames.Platform)
            silo.AddGrainStorageIn(name, storage.Platform);
        silo.AddGrainStorageIn(StorageNames.Orders, storage.Orders);
        if (storage.HasDurableReminders)
        {
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = storage.Platform.AdoNetInvariant;
                options.ConnectionString = storage.Platform.ConnectionString;
            });
        }
        else
        {
            silo.UseInMemoryReminderService();
        }
        return silo;
    }

    /// <summary>A grain storage provider in <paramref name="database"/>: Orleans' ADO.NET provider on MariaDB, the platform's own on SQLite.</summary>
    private static void AddGrainStorageIn(this ISiloBuilder silo, string name, SqlDatabase database)
    {
        if (database.Dialect == SqlDialect.MySql)
        {
            silo.AddAdoNetGrainStorage(name, options => options.Configure<Serializer>((settings, serializer) =>
            {
                settings.Invariant = database.AdoNetInvariant;
                settings.ConnectionString = database.ConnectionString;
                settings.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
            silo.Services.RetryDeadlockedWrites(name);
        }
        else
        {
            silo.Services.AddGrainStorage(name, (services, providerName) => new SqliteGrainStorage(
                providerName, database,
                new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
                services.GetRequiredService<IActivatorProvider>(),
                services.GetRequiredService<PlatformClock>()));
        }
    }

    /// <summary>
    /// The platform's services without grain storage or reminders: tests pair it with in-memory ones
    /// for the names in <see cref="StorageNames"/>. Read models and the audit log use <paramref name="platform"/>,
    /// the order service its own <paramref name="orders"/> database.
    /// </summary>
    public static ISiloBuilder AddMedPlatformServices(this ISiloBuilder silo, SqlDatabase platform, SqlDatabase orders, IConfiguration configuration)
    {
        var services = silo.Services;
        services.TryAddSingleton(PlatformClock.RealTime);
        services.AddGrainInterfaceTypeCache();
        services.AddDatabaseExceptionSerialization();
        silo.AddActivityPropagation();
        services.AddMetrics();
        services.TryAddSingleton<PlatformMetrics>();
        services.AddKeyedSingleton(Databases.Platform, platform);
        services.AddKeyedSingleton(Databases.Orders, orders);
        // The in-process gateway keeps its ledger in the orders database (see deploy/schema/*/orders).
        services.AddKeyedSingleton(Databases.Payments, orders);
        services.AddSingleton<SchemaMigrator>();
        // Where the key ring is kept is the host's to say (PlatformDataProtection); the name is shared by all.
        services.AddDataProtection().SetApplicationName(PlatformDataProtection.ApplicationName);
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaInstaller>();

        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>();
        services.AddOptions<AdminBootstrapOptions>().Bind(configuration.GetSection(AdminBootstrapOptions.Section))
            .Validate(admin => !admin.IsConfigured || AccountRules.EmailError(admin.Email) is null,
                "Admin:Email is not a valid email address.")
            .Validate(admin => !admin.IsConfigured || AccountRules.PasswordError(admin.Password, admin.Email) is null,
                $"Admin:Password must be set with Admin:Email, at least {AccountRules.PasswordMinLength} characters and not a common password.")
            .Validate(admin => !admin.IsConfigured || !Placeholders.IsPlaceholder(admin.Password),
                "Admin:Password is still the example value: set a real one.")
            .ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));

        services.AddSingleton<AuditLog>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<TwoFactorCodes>();
        services.AddSingleton<PasswordResetRequests>();
        services.AddOptions<Notifications.NotificationOptions>().Bind(configuration.GetSection(Notifications.NotificationOptions.Section))
            .Validate(n => n.ReviewDigestEvery > TimeSpan.Zero, "Notifications:ReviewDigestEvery must be positive.")
            .Validate(n => n.GatherFor >= TimeSpan.Zero && n.GatherFor <= TimeSpan.FromSeconds(5), "Notifications:GatherFor must be between 0 and 5 seconds.").ValidateOnStart();
        services.AddSingleton<Notifications.Notifier>();
        services.AddHostedService(provider => provider.GetRequiredService<Notifications.Notifier>());
        services.AddHostedService(provider => provider.GetRequiredService<PasswordResetRequests>());
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<DoctorsPatients>();
        services.AddSingleton<DepartmentCatalog>();
        services.AddSingleton<ThreadDirectory>();
        services.AddSingleton<DemoForum>();
        services.AddSingleton<CategoryCatalog>();
        services.AddSingleton<ProductDirectory>();
        services.AddSingleton<PrescriptionDirectory>();
        services.AddSingleton<DemoMall>();

        services.AddSingleton<IBootstrapStep, ForumReferenceData>();
        services.AddSingleton<IBootstrapStep, MallReferenceData>();
        services.AddSingleton<IBootstrapStep, AccountsBootstrap>();
        services.AddSingleton<IBootstrapStep, ForumDemoContent>();
        services.AddSingleton<IBootstrapStep, ForumAnswersIndexed>();
        services.AddSingleton<IBootstrapStep, MallDemoContent>();
        services.AddSingleton<IBootstrapStep, OrderRecovery>();

        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.Section))
            .Validate(orders => orders.RetryPeriod >= TimeSpan.FromSeconds(1) && orders.GiveUpAfter > orders.RetryPeriod,
                "Orders:RetryPeriod must be at least a second and Orders:GiveUpAfter longer than it.")
            .Validate(orders => orders.VatRatePercent is >= 0 and < 100,
                "Orders:VatRatePercent is a percentage from 0 to under 100.")
            .Validate(orders => orders.DeliveryWorkingDaysMin >= 0 && orders.DeliveryWorkingDaysMax >= orders.DeliveryWorkingDaysMin && orders.ReviewWorkingDays >= 0,
                "Orders:DeliveryWorkingDaysMin, DeliveryWorkingDaysMax and ReviewWorkingDays are days, the most no fewer than the fewest.")
            .Validate(orders => TimeZoneInfo.TryFindSystemTimeZoneById(orders.TimeZone, out _),
                "Orders:TimeZone is not a time zone this machine knows (an IANA id such as Europe/Berlin; tzdata must be installed).")
            .ValidateOnStart();
        // Reminders may fire as often as the order retry period asks (Orleans' default floor is a minute).
        services.AddOptions<ReminderOptions>().Configure<IOptions<OrderOptions>>((reminders, orders) =>
            reminders.MinimumReminderPeriod = orders.Value.RetryPeriod < reminders.MinimumReminderPeriod ? orders.Value.RetryPeriod : reminders.MinimumReminderPeriod);
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.Section));
        services.AddMedPlatformMail(configuration);
        services.AddSingleton<OrderDirectory>();
        services.AddSingleton<OrderNumbers>();
        services.AddSingleton<PaymentLedger>();
        services.AddPaymentGateway(configuration);
        services.TryAddSingleton<IOrderFaults, NoOrderFaults>();
        silo.AddMemoryStreams(OrderEvents.StreamProvider, streams =>
        {
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            // Orleans polls its queues every 100 ms by default: half of that is added, on average,
            // to every order before processing starts. 10 ms keeps placed → readyToShip short.
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(10)));
        });
        silo.AddStartupTask<PlatformBootstrap>();
        return silo;
    }
}
