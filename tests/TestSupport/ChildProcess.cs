using System.Collections.Concurrent;
using System.Diagnostics;

namespace MedPlatform.TestSupport;

/// <summary>
/// A real process a test starts (a server, a silo, the Api), with its output kept for the failure
/// message. Stops gracefully (SIGTERM) or abruptly (SIGKILL) as the test needs.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    // Whatever a test run started is killed when the test host exits, even after a failed setup.
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var orphan in Running.Values)
        {
            try { orphan.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
    };

    private ChildProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }
    public bool HasExited => process.HasExited;
    public int Id => process.Id;

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        Running[process.Id] = process;
        process.Exited += (_, _) => Running.TryRemove(process.Id, out _);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Starts a built .NET host (src/{project}) with its output directory as the working directory.</summary>
    public static ChildProcess StartDotnet(string name, string project, string assembly, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment)
    {
        var directory = RepoLayout.BuildOutput(project);
        return Start(name, "dotnet", [Path.Combine(directory, assembly), .. arguments], environment, directory);
    }

    /// <summary>The last lines the process printed, for diagnostics.</summary>
    public string RecentOutput(int lines = 60) => string.Join(Environment.NewLine, output.TakeLast(lines));

    /// <summary>Asks the process to shut down (SIGTERM) and waits; kills it if it does not exit in time.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (process.HasExited)
            return;
        using (var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await signal.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited)
            return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        output.Enqueue(line);
        while (output.Count > 400 && output.TryDequeue(out _))
        {
        }
    }
}
