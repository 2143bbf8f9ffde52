using MedPlatform.Api.Auth;
using MedPlatform.Api.Errors;
using MedPlatform.Api.Operations;
using MedPlatform.Hosting;
using MedPlatform.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedPlatform.Api.Hosting;

/// <summary>The Api's HTTP concerns: JSON, problem details, auth, limits, health, OpenAPI.</summary>
public static class ApiSetup
{
    /// <summary>The "Api" section.</summary>
    public sealed class ApiOptions
    {
        public const string Section = "Api";
        /// <summary>The largest request body accepted; bigger ones get 413.</summary>
        public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
    }

    public static WebApplicationBuilder AddMedPlatformApi(this WebApplicationBuilder builder)
    {
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        builder.Services.AddSingleton(api);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = api.MaxRequestBodyBytes;
        });

        // Run from the build output (dotnet run, the tests), the web app's compressed copies live beside
        // the build (obj/): the build's manifest says where, in every environment, not only in
        // Development. A published app has them in wwwroot and no such manifest, so this does nothing there.
        builder.WebHost.UseStaticWebAssets();
        // The files are rebuilt by the build, never edited in place (`npm run dev` is for working on the
        // app): ASP.NET Core's watch for edited files would otherwise serve them recompressed at level
        // "none" and uncacheable whenever a timestamp differs from the build's.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        builder.Services.AddMedPlatformJson();
        builder.Services.AddCallerBinding();
        builder.Services.AddMedPlatformProblemDetails();
        builder.Services.AddMedPlatformAuthentication(builder.Configuration);
        builder.Services.AddMedPlatformDashboard();
        builder.AddMedPlatformSharedState();
        builder.Services.AddMedPlatformRateLimits(builder.Configuration);
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddMedPlatformHealth();
        builder.Services.AddMedPlatformOutputCache();
        builder.Services.AddMedPlatformResponseCompression();
        builder.Services.AddMedPlatformOpenApi();
        builder.Services.TryAddSingleton<PlatformMetrics>();
        builder.AddMedPlatformObservability("medplatform-api", TelemetryNames.Meters, TelemetryNames.ActivitySources);
        return builder;
    }

    public static WebApplication UseMedPlatformPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMedPlatformResponseCompression();
        app.UseMiddleware<RequestBodyLimit>(app.Services.GetRequiredService<ApiOptions>().MaxRequestBodyBytes);
        app.UseMedPlatformWebApp();
        // Only a separate silo can go away under a request; in embedded mode it is this process.
        if (app.Services.GetRequiredService<RunModeInfo>().Mode == RunMode.Cluster)
            app.UseMiddleware<TransientClusterRetry>();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorGate>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMedPlatformOutputCache();
        StartupBanner.PrintWhenStarted(app);
        return app;
    }
}
