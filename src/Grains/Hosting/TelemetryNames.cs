namespace MedPlatform.Hosting;

/// <summary>The meters and activity sources a MedPlatform process exports, beside ASP.NET Core's and HttpClient's.</summary>
public static class TelemetryNames
{
    public static readonly string[] Meters = [PlatformMetrics.MeterName, "Microsoft.Orleans", "Polly"];

    /// <summary>Orleans traces grain calls across processes once activity propagation is on.</summary>
    public static readonly string[] ActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
}
