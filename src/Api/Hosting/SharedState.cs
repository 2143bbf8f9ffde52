using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;
using MedPlatform.Hosting;

namespace MedPlatform.Api.Hosting;

/// <summary>
/// What the Api instances of a cluster must share besides the grains: the data-protection key ring
/// (dashboard cookies one instance issues, another must read) and the output cache. Redis in
/// cluster mode; the data directory and memory in embedded mode.
/// </summary>
public static class SharedState
{
    public static WebApplicationBuilder AddMedPlatformSharedState(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName(PlatformDataProtection.ApplicationName);
        if (OrleansHosting.RunModeOf(builder.Configuration) == RunMode.Cluster)
        {
            var options = ConfigurationOptions.Parse(builder.Configuration.GetConnectionString("Redis")!);
            // Redis may come up after the Api: keep trying in the background instead of failing the start.
            options.AbortOnConnectFail = false;
            var redis = ConnectionMultiplexer.Connect(options);
            builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
            protection.PersistKeysToStackExchangeRedis(redis, PlatformDataProtection.RedisKey)
                .ProtectKeysAsConfigured(builder.Configuration, "in Redis", PlatformDataProtection.UnencryptedInRedis, warn: true);
            builder.Services.AddStackExchangeRedisOutputCache(cache => cache.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(redis));
            ForgivingOutputCacheStore.Decorate(builder.Services);
        }
        else
        {
            var embedded = builder.Configuration.GetSection(EmbeddedOptions.Section).Get<EmbeddedOptions>() ?? new EmbeddedOptions();
            var keys = KeyRingProtection.PrivateFolder(Path.Combine(embedded.FullDataDirectory, "keys"));
            protection.PersistKeysToFileSystem(keys).ProtectKeysAsConfigured(builder.Configuration, $"in {keys.FullName}",
                "the folder is readable by this account only, like the database files beside it; a key that encrypted them would have to be kept there too. "
                + "Set DataProtection:CertificatePath to encrypt them with a certificate kept elsewhere.", warn: false);
        }
        return builder;
    }
}
