using MedPlatform.Audit;
using MedPlatform.Forum;
using MedPlatform.Identity;
using MedPlatform.Mall;
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
        silo.AddMedPlatformServices(storage.Platform, configuration);
        foreach (var name in StorageNames.Platform)
        {
            if (storage.Platform.Dialect == SqlDialect.MySql)
            {
                silo.AddAdoNetGrainStorage(name, options => options.Configure<Serializer>((settings, serializer) =>
                {
                    settings.Invariant = storage.Platform.AdoNetInvariant;
                    settings.ConnectionString = storage.Platform.ConnectionString;
                    settings.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                }));
            }
            else
            {
                silo.Services.AddGrainStorage(name, (services, providerName) => new SqliteGrainStorage(
                    providerName, storage.Platform,
                    new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
                    services.GetRequiredService<IActivatorProvider>(),
                    services.GetRequiredService<PlatformClock>()));
            }
        }
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

    /// <summary>
    /// The platform's services without grain storage or reminders: tests pair it with in-memory ones
    /// for the names in <see cref="StorageNames"/>. Read models and the audit log use <paramref name="platform"/>.
    /// </summary>
    public static ISiloBuilder AddMedPlatformServices(this ISiloBuilder silo, SqlDatabase platform, IConfiguration configuration)
    {
        var services = silo.Services;
        services.TryAddSingleton(PlatformClock.RealTime);
        services.AddKeyedSingleton(Databases.Platform, platform);
        services.AddSingleton<SchemaMigrator>();
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
        services.AddSingleton<UserDirectory>();
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
        services.AddSingleton<IBootstrapStep, MallDemoContent>();
        silo.AddStartupTask<PlatformBootstrap>();
        return silo;
    }
}
