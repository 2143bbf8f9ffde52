using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MedPlatform.ServiceDefaults;

/// <summary>The "Observability" section.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>
    /// A port of its own for <c>GET /metrics</c> (Prometheus text format), so the gateway never
    /// exposes it; unset: no scraping endpoint. OTLP export is set with the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable.
    /// </summary>
    public int? MetricsPort { get; set; }

    /// <summary>Logs as JSON lines carrying the trace and span ids (default outside Development).</summary>
    public bool? JsonLogs { get; set; }
}

/// <summary>
/// What every MedPlatform process reports about itself (the Api, the silos, the payment service):
/// OpenTelemetry metrics for ASP.NET Core, HTTP clients, the runtime, Orleans, Polly and the
/// platform's own meter, and traces of them when there is an OTLP endpoint to send them to;
/// structured logs with the trace id in every line.
/// </summary>
public static class Observability
{
    public static IHostApplicationBuilder AddMedPlatformObservability(this IHostApplicationBuilder builder, string serviceName,
        IEnumerable<string> meters, IEnumerable<string> activitySources)
    {
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        builder.Services.AddSingleton(options);

        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (options.JsonLogs ?? !builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter([.. meters]);
                if (options.MetricsPort is not null)
                    metrics.AddPrometheusExporter();
            });
        if (otlp)
        {
            // Spans are recorded only when something takes them: with no exporter, recording a span
            // for every request and grain call cost about a fifth of add to cart's allocations
            // (docs/benchmarks.md). Trace ids still reach the logs from incoming traceparent headers.
            telemetry.WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddSource([.. activitySources]);
            });
            telemetry.UseOtlpExporter();
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });
        }

        // An extra address beside the configured ones (explicit Kestrel endpoints would replace them).
        if (options.MetricsPort is { } port && builder is WebApplicationBuilder web)
            web.WebHost.UseUrls($"{ConfiguredUrls(builder.Configuration)};http://*:{port}");
        return builder;
    }

    /// <summary>Answers <c>GET /metrics</c> on the metrics port only.</summary>
    public static WebApplication UseMedPlatformMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ObservabilityOptions>();
        // Decided by the port the connection came in on, not by the Host header a caller chooses.
        if (options.MetricsPort is { } port)
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Connection.LocalPort == port && context.Request.Path == "/metrics");
        return app;
    }

    // What Kestrel would listen on without the extra address (UseUrls replaces it).
    private static string ConfiguredUrls(IConfiguration configuration) =>
        configuration["urls"] is { Length: > 0 } urls ? urls
        : configuration["http_ports"] is { Length: > 0 } ports ? string.Join(';', ports.Split(';').Select(p => $"http://*:{p}"))
        : "http://localhost:5000";

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
