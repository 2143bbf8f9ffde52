using MedPlatform.Hosting;
using MedPlatform.ServiceDefaults;
using MedPlatform.Silo;

if (HealthProbe.Requested(args))
    return HealthProbe.Run(args, "http://localhost:8080");

var builder = WebApplication.CreateBuilder(args);
builder.AddMedPlatformClusterSilo();
builder.AddMedPlatformObservability("medplatform-silo", TelemetryNames.Meters, TelemetryNames.ActivitySources);
builder.Services.AddHealthChecks().AddCheck<SiloReadiness>("silo", tags: [HealthEndpoints.Ready]);

var app = builder.Build();
app.MapMedPlatformHealth();
app.UseMedPlatformMetrics();
app.Run();
return 0;
