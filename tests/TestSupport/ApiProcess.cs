using System.Globalization;

namespace MedPlatform.TestSupport;

/// <summary>The built Api started as a real process (what `dotnet run --project src/Api` runs), on free ports.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private ApiProcess(ChildProcess process, int port)
    {
        Process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public ChildProcess Process { get; }
    public Uri BaseAddress { get; }

    /// <summary>Where this process's mail lands, so its clients can follow confirmation links.</summary>
    public IMailbox? Mailbox { get; set; }

    /// <summary>The staff's authenticator apps: processes over the same data (a cluster's Api instances, a restart) share one.</summary>
    public Authenticators Authenticators { get; set; } = new();

    public ApiClient NewClient() => new(new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
    {
        Mailbox = Mailbox,
        Authenticators = Authenticators,
    };

    /// <summary>Starts the Api and waits until /health/ready answers 200; on a free port, or on <paramref name="port"/> (to start it again where it was).</summary>
    public static async Task<ApiProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> environment, TimeSpan? readyWithin = null,
        IEnumerable<string>? arguments = null, int? port = null)
    {
        port ??= FreePort.Next();
        var process = ChildProcess.StartDotnet(name, "Api", "MedPlatform.Api.dll",
            ["--urls", $"http://127.0.0.1:{port.Value.ToString(CultureInfo.InvariantCulture)}", .. arguments ?? []],
            new Dictionary<string, string?>(environment) { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        var api = new ApiProcess(process, port.Value);
        // Embedded mode with no SMTP server writes mail to its data directory's mailbox folder.
        if (environment.TryGetValue("Embedded__DataDirectory", out var data) && data is not null && !environment.ContainsKey("Smtp__Host"))
            api.Mailbox = new MailboxFolder(Path.Combine(data, "mailbox"));
        await api.WaitUntilReadyAsync(readyWithin ?? TimeSpan.FromSeconds(90));
        return api;
    }

    public async Task WaitUntilReadyAsync(TimeSpan within)
    {
        try
        {
            await Poll.UntilReadyAsync(Process, BaseAddress, within);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{e.Message}\n--- {Process.Name} output ---\n{Process.RecentOutput()}", e);
        }
    }

    public Task StopAsync() => Process.StopAsync();

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
