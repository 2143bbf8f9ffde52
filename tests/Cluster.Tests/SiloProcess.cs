using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>A cluster-mode silo process (src/Silo).</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private SiloProcess(ChildProcess process) => Process = process;

    public ChildProcess Process { get; }

    public static async Task<SiloProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> environment)
    {
        var process = ChildProcess.StartDotnet(name, "Silo", "MedPlatform.Silo.dll", [], environment);
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
        return new SiloProcess(process);
    }

    public Task StopAsync() => Process.StopAsync();
    public Task KillAsync() => Process.KillAsync();
    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
