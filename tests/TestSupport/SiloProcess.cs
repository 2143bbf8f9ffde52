using System.Globalization;

namespace MedPlatform.TestSupport;

/// <summary>A cluster-mode silo process (src/Silo), with its health (and, if asked, metrics) port.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private SiloProcess(ChildProcess process, Uri address, Uri? metrics)
    {
        Process = process;
        Address = address;
        MetricsAddress = metrics;
    }

    public ChildProcess Process { get; }

    /// <summary>Where the silo answers /health/live and /health/ready.</summary>
    public Uri Address { get; }

    /// <summary>Where the silo's Prometheus metrics are scraped, when it exports them.</summary>
    public Uri? MetricsAddress { get; }

    public static async Task<SiloProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> environment, bool exportMetrics = false)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var metricsPort = exportMetrics ? FreePort.Next() : (int?)null;
        var process = ChildProcess.StartDotnet(name, "Silo", "MedPlatform.Silo.dll", [], new Dictionary<string, string?>(environment)
        {
            ["Urls"] = address.ToString(),
            ["Observability__MetricsPort"] = metricsPort?.ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            await Poll.UntilAsync(() =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"{name} exited.");
                return Task.FromResult(process.RecentOutput(400).Contains("Application started", StringComparison.Ordinal));
            }, TimeSpan.FromSeconds(90), $"{name} to start");
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{e.Message}\n{process.RecentOutput()}", e);
        }
        return new SiloProcess(process, address, metricsPort is { } port ? new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/metrics") : null);
    }

    public Task StopAsync() => Process.StopAsync();
    public Task KillAsync() => Process.KillAsync();
    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
