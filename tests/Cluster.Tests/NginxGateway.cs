using System.Globalization;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>
/// nginx in front of the Api instances, from the same configuration as the containers
/// (deploy/nginx/process.conf.template, as scripts/cluster.sh fills it in). The upstream list can
/// be rewritten and reloaded, which is how an operator drains an Api instance before restarting it.
/// </summary>
public sealed class NginxGateway : IAsyncDisposable
{
    private readonly string runDirectory = Directory.CreateTempSubdirectory("medplatform-nginx-").FullName;
    private readonly int port = FreePort.Next();
    private ChildProcess? process;

    public Uri BaseAddress => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    public string RecentOutput => (process?.RecentOutput(20) ?? "") + "\n" + ErrorLog();

    /// <summary>Where the cluster's mail lands, so clients can follow confirmation links.</summary>
    public IMailbox? Mailbox { get; set; }

    public ApiClient NewClient() => new(new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
    {
        Mailbox = Mailbox,
        Authenticators = Authenticators,
    };

    /// <summary>The cluster's staff authenticators (the cluster sets it).</summary>
    public Authenticators Authenticators { get; init; } = new();

    public async Task StartAsync(IEnumerable<Uri> apis)
    {
        var nginx = Executables.Require("nginx", "nginx-light");
        // nginx's workers run as an unprivileged user and keep their cache in here.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(runDirectory, (UnixFileMode)0b111_101_101);
        File.CreateSymbolicLink(Path.Combine(runDirectory, "medplatform"), Path.Combine(RepoLayout.Root, "deploy", "nginx"));
        var template = await File.ReadAllTextAsync(Path.Combine(RepoLayout.Root, "deploy", "nginx", "process.conf.template"));
        await File.WriteAllTextAsync(ConfigPath, template
            .Replace("@RUN_DIR@", runDirectory, StringComparison.Ordinal)
            .Replace("@MIME_TYPES@", "/etc/nginx/mime.types", StringComparison.Ordinal)
            .Replace("@PORT@", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@WEB_ROOT@", Path.Combine(RepoLayout.Root, "src", "Api", "wwwroot"), StringComparison.Ordinal));
        await WriteUpstreamsAsync(apis);
        process = ChildProcess.Start("nginx", nginx, ["-c", ConfigPath, "-p", runDirectory, "-g", "daemon off;"]);
        try
        {
            await Poll.UntilReadyAsync(process, BaseAddress, TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{e.Message}\n{ErrorLog()}", e);
        }
    }

    /// <summary>
    /// Points nginx at these Api instances. A reload lets the old workers finish the requests they
    /// hold while new workers take new ones, so no request is cut off.
    /// </summary>
    public async Task RouteToAsync(IEnumerable<Uri> apis)
    {
        await WriteUpstreamsAsync(apis);
        var logBefore = ErrorLog(int.MaxValue).Length;
        using (var reload = System.Diagnostics.Process.Start("kill", ["-HUP", process!.Id.ToString(CultureInfo.InvariantCulture)]))
            await reload.WaitForExitAsync();
        // Workers of the old configuration finish what they hold, then exit.
        await Task.Delay(TimeSpan.FromSeconds(2));
        // A configuration nginx refuses leaves the old one running: say so instead of carrying on.
        var logged = ErrorLog(int.MaxValue)[logBefore..];
        if (logged.Contains("[emerg]", StringComparison.Ordinal))
            throw new InvalidOperationException($"nginx refused the new upstream list:\n{logged}");
    }

    private string ConfigPath => Path.Combine(runDirectory, "nginx.conf");

    private Task WriteUpstreamsAsync(IEnumerable<Uri> apis) =>
        File.WriteAllLinesAsync(Path.Combine(runDirectory, "upstream.conf"), apis.Select(api => $"server {api.Host}:{api.Port.ToString(CultureInfo.InvariantCulture)} {UpstreamParameters};"));

    // As scripts/cluster.sh writes them: one slow answer must not take an instance out of rotation.
    private const string UpstreamParameters = "max_fails=3 fail_timeout=5s";

    private string ErrorLog(int lines = 20)
    {
        var path = Path.Combine(runDirectory, "error.log");
        return File.Exists(path) ? string.Join("\n", File.ReadLines(path).TakeLast(lines)) : "";
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
            await process.DisposeAsync();
        Directory.Delete(runDirectory, recursive: true);
    }
}
